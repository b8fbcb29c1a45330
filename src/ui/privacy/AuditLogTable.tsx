import React, { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../domain/privacy';
import type { PrivacyApi } from '../api/privacy-api';
import { useFieldIds } from '../hooks/useFieldIds';
import { describeAuditEntry } from './audit-wording';
import { formatWhen } from './format';
import { useBusy } from './useAsync';

/**
 * The privacy audit trail, newest first: closes, holds, deletions and erasures, who did them and
 * the details that prove them (never content). Optionally one conversation's; Refresh reloads.
 */
export function AuditLogTable({ api }: { api: Pick<PrivacyApi, 'auditLog'> }) {
  const ids = useFieldIds('audit');
  const [draft, setDraft] = useState('');
  const [conversationId, setConversationId] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const { busy, run, error } = useBusy();

  const load = useCallback(
    () =>
      void run(async () => {
        const res = await api.auditLog(conversationId ? { conversationId } : {});
        // An answer without entries (an old or foreign server) is an error, not a crash.
        if (!Array.isArray(res?.entries)) throw new Error('The server answered without audit entries.');
        return res.entries;
      }).then((e) => setEntries(e ?? null)),
    [api, run, conversationId],
  );
  useEffect(load, [load]);

  const filter = (e: React.FormEvent) => {
    e.preventDefault();
    const next = draft.trim();
    // The same filter again is a refresh (the effect only runs when it changes).
    if (next === conversationId) load();
    else setConversationId(next);
  };

  return (
    <div className="vx-privacy__audit" data-testid="audit-log">
      <form onSubmit={filter}>
        <div className="vx-field">
          <label htmlFor={`${ids}-conversation`}>Conversation id (optional)</label>
          <input id={`${ids}-conversation`} value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <button type="submit" className="vx-button" disabled={busy}>
          Show entries
        </button>{' '}
        <button type="button" className="vx-button" onClick={load} disabled={busy}>
          Refresh
        </button>
      </form>
      {busy && <p role="status">Loading the audit log…</p>}
      {error && (
        <p role="alert" className="vx-error">
          {error}
        </p>
      )}
      {entries && (
        <table className="vx-privacy__table" aria-busy={busy}>
          <caption>{conversationId ? `Audit log of conversation ${conversationId}, newest first` : 'Audit log, newest first'}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Conversation</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={5} data-testid="audit-empty">
                  {conversationId ? 'Nothing has been recorded for this conversation.' : 'Nothing has been recorded yet.'}
                </td>
              </tr>
            )}
            {entries.map((e) => {
              const row = describeAuditEntry(e);
              return (
                <tr key={e.id} data-testid="audit-entry" data-action={e.action}>
                  <td>
                    <time dateTime={e.at}>{formatWhen(e.at)}</time>
                  </td>
                  <td>{row.who}</td>
                  <th scope="row">{row.what}</th>
                  <td>{row.conversation}</td>
                  <td>{row.details}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
