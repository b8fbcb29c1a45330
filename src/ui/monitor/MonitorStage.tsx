import React from 'react';
import type { RemoteParticipant } from '../../client/video-client';
import { ParticipantAudio, ParticipantVideo } from '../components/ParticipantVideo';
import type { RoomView } from '../hooks/useRoomState';

export interface MonitorStageProps {
  view: RoomView;
  /** "Alex with Jordan Lee": what the supervisor is watching. */
  title: string;
  bargedIn: boolean;
  onStop(): void;
  stopping: boolean;
}

const ROLE_LABEL: Record<RemoteParticipant['role'], string> = { agent: 'Agent', customer: 'Customer', supervisor: 'Supervisor', unknown: 'Participant' };

function Tile({ participant }: { participant: RemoteParticipant }) {
  const camera = participant.tracks.find((t) => t.source === 'camera')?.mediaStreamTrack ?? null;
  const screen = participant.tracks.find((t) => t.source === 'screen')?.mediaStreamTrack ?? null;
  const name = `${ROLE_LABEL[participant.role]}: ${participant.displayName}`;
  return (
    <figure className="vx-monitor-tile" data-testid={`monitor-tile-${participant.role}`}>
      <div className="vx-monitor-tile__video">
        <ParticipantVideo track={camera} label={`Video of ${participant.displayName}`} testId={`monitor-video-${participant.role}`} />
      </div>
      {screen && (
        <div className="vx-monitor-tile__video">
          <ParticipantVideo track={screen} label={`Screen shared by ${participant.displayName}`} testId={`monitor-screen-${participant.role}`} fit="contain" />
        </div>
      )}
      <figcaption>{name}</figcaption>
    </figure>
  );
}

/** Subscribe-only view of a live call: everyone's video side by side, everyone's audio playing. */
export function MonitorStage({ view, title, bargedIn, onStop, stopping }: MonitorStageProps) {
  const audio = view.participants.flatMap((p) => p.tracks.filter((t) => t.kind === 'audio'));
  const status = view.state === 'reconnecting' ? 'Reconnecting…' : bargedIn ? 'You joined the call with audio; everyone was told.' : 'Listening silently: nobody in the call sees you.';
  return (
    <section aria-labelledby="monitor-heading" className="vx-monitor-stage" data-testid="monitor-stage">
      <h2 id="monitor-heading">Monitoring {title}</h2>
      <p role="status" className="vx-status">
        {status}
      </p>
      <div className="vx-monitor-tiles">
        {view.participants.length === 0 && <p>Nobody is sending video right now.</p>}
        {view.participants.map((p) => (
          <Tile key={p.identity} participant={p} />
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
