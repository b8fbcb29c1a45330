import React from 'react';
import type { LiveCall } from '../../api/library-contract';
import type { RemoteParticipant } from '../../client/video-client';
import { ConversationLabel } from '../components/ConversationLabel';
import { ParticipantAudio, ParticipantVideo } from '../components/ParticipantVideo';
import type { RoomView } from '../hooks/useRoomState';

export interface MonitorStageProps {
  view: RoomView;
  /** The call being watched: its heading, its conversation, and the names its tiles carry. */
  call: Pick<LiveCall, 'agentName' | 'customerName' | 'conversationId'>;
  bargedIn: boolean;
  onStop(): void;
  stopping: boolean;
}

const ROLE_LABEL: Record<RemoteParticipant['role'], string> = { agent: 'Agent', customer: 'Customer', supervisor: 'Supervisor', unknown: 'Participant' };

/**
 * The name a tile shows: the call's own names for its agent and customer (the room may only know
 * the customer as "Customer", and a Twilio room knows no names at all), else what the room says.
 */
function nameOf(participant: RemoteParticipant, call: MonitorStageProps['call']): string {
  if (participant.role === 'agent') return call.agentName || participant.displayName;
  if (participant.role === 'customer') return call.customerName || participant.displayName;
  return participant.displayName;
}

function Tile({ participant, name }: { participant: RemoteParticipant; name: string }) {
  const camera = participant.tracks.find((t) => t.source === 'camera')?.mediaStreamTrack ?? null;
  const screen = participant.tracks.find((t) => t.source === 'screen')?.mediaStreamTrack ?? null;
  return (
    <figure className="vx-monitor-tile" data-testid={`monitor-tile-${participant.role}`}>
      <div className="vx-monitor-tile__video">
        <ParticipantVideo track={camera} label={`Video of ${name}`} testId={`monitor-video-${participant.role}`} />
      </div>
      {screen && (
        <div className="vx-monitor-tile__video">
          <ParticipantVideo track={screen} label={`Screen shared by ${name}`} testId={`monitor-screen-${participant.role}`} fit="contain" />
        </div>
      )}
      <figcaption>
        {ROLE_LABEL[participant.role]}: {name}
      </figcaption>
    </figure>
  );
}

/** Subscribe-only view of a live call: everyone's video side by side, everyone's audio playing. */
export function MonitorStage({ view, call, bargedIn, onStop, stopping }: MonitorStageProps) {
  const audio = view.participants.flatMap((p) => p.tracks.filter((t) => t.kind === 'audio'));
  const status = view.state === 'reconnecting' ? 'Reconnecting…' : bargedIn ? 'You joined the call with audio; everyone was told.' : 'Listening silently: nobody in the call sees you.';
  return (
    <section aria-labelledby="monitor-heading" className="vx-monitor-stage" data-testid="monitor-stage">
      <h2 id="monitor-heading">
        Monitoring {call.agentName} with {call.customerName}
      </h2>
      <p className="vx-monitor-stage__conversation">
        <ConversationLabel conversationId={call.conversationId} customerName={call.customerName} showName={false} />
      </p>
      <p role="status" className="vx-status">
        {status}
      </p>
      <div className="vx-monitor-tiles">
        {view.participants.length === 0 && <p>Nobody is sending video right now.</p>}
        {view.participants.map((p) => (
          <Tile key={p.identity} participant={p} name={nameOf(p, call)} />
        ))}
      </div>
      {audio.map((t) => (
        <ParticipantAudio key={t.sid} track={t.mediaStreamTrack} />
      ))}
      <div className="vx-controls">
        <button type="button" className="vx-button vx-button--leave" data-testid="stop-monitoring" disabled={stopping} onClick={onStop}>
          {stopping ? 'Stopping…' : 'Stop monitoring'}
        </button>
      </div>
    </section>
  );
}
