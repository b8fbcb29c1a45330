import React from 'react';
import type { LiveCall } from '../../api/library-contract';
import { ConversationLabel } from '../components/ConversationLabel';

export interface LiveCallsTableProps {
  calls: LiveCall[] | null;
  error: string | null;
  /** The call a Monitor click is connecting to, if any: its button says so and others wait. */
  busyId: string | null;
  now: Date;
  onMonitor(call: LiveCall): void;
  /** Join with audio: everyone in the call is told a supervisor joined. */
  onBargeIn(call: LiveCall): void;
  onRefresh(): void;
}

/** "4 min" style length of a call so far. */
export function elapsed(since: string, now: Date): string {
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const timeOf = (iso: string): string => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The calls in progress, one row each, with a Monitor button; empty, loading and error states say so. */
export function LiveCallsTable({ calls, error, busyId, now, onMonitor, onBargeIn, onRefresh }: LiveCallsTableProps) {
  return (
    <section aria-labelledby="live-calls-heading" className="vx-monitor-calls">
      <div className="vx-monitor-calls__header">
        <h2 id="live-calls-heading">Live calls</h2>
        <button type="button" className="vx-button" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      {error && (
        <p role="alert" className="vx-error">
          {error}
        </p>
      )}
      {!calls && !error && <p role="status">Loading live calls…</p>}
      {calls && calls.length === 0 && <p role="status">No calls in progress.</p>}
      {calls && calls.length > 0 && (
        <table className="vx-monitor-table" data-testid="live-calls">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Customer</th>
              <th scope="col">Since</th>
              <th scope="col">Recording</th>
              <th scope="col">
                <span className="vx-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <tr key={call.escalationId} data-testid="live-call" data-escalation-id={call.escalationId}>
                <td>{call.agentName}</td>
                <td>
                  <ConversationLabel conversationId={call.conversationId} customerName={call.customerName} />
                </td>
                <td>
                  <time dateTime={call.startedAt}>{timeOf(call.startedAt)}</time> ({elapsed(call.startedAt, now)})
                </td>
                <td>{call.recording ? 'On' : 'Off'}</td>
                <td>
                  <button
                    type="button"
                    className="vx-button vx-button--primary"
                    disabled={busyId !== null}
                    aria-label={`Monitor ${call.agentName}'s call with ${call.customerName}`}
                    onClick={() => onMonitor(call)}
                  >
                    {busyId === call.escalationId ? 'Connecting…' : 'Monitor'}
                  </button>{' '}
                  <button
                    type="button"
                    className="vx-button"
                    disabled={busyId !== null}
                    aria-label={`Barge in on ${call.agentName}'s call with ${call.customerName} (everyone is told)`}
                    onClick={() => onBargeIn(call)}
                  >
                    Barge in
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
