import React from 'react';
import type { RoomView } from '../hooks/useRoomState';
import { NetworkQuality } from './NetworkQuality';
import { ParticipantAudio, ParticipantVideo } from './ParticipantVideo';
import { pickStage } from './stage';

export interface CallStageProps {
  view: RoomView;
  /** data-testid prefix: '' for the customer page, 'agent-' in the agent panel. */
  testIdPrefix?: string;
  /** Shown until someone else is in the room, e.g. "Waiting for the customer to join…". */
  waitingText: string;
  sinkId?: string;
  /** The other person's name as this side knows it (the agent knows the customer from the chat). */
  remoteName?: string;
}

const fill: React.CSSProperties = { position: 'absolute', inset: 0 };
const inset = (corner: 'left' | 'right'): React.CSSProperties => ({
  position: 'absolute',
  bottom: 12,
  [corner]: 12,
  width: '24%',
  minWidth: 96,
  aspectRatio: '4 / 3',
  borderRadius: 8,
  overflow: 'hidden',
  boxShadow: '0 0 0 2px #fff, 0 2px 8px rgba(0,0,0,.5)',
});

/**
 * Remote large, self small (mirrored). A remote screen share takes the large area and the remote
 * camera becomes a second inset, so `remote-video` always carries the remote camera.
 */
export function CallStage({ view, testIdPrefix = '', waitingText, sinkId, remoteName }: CallStageProps) {
  const stage = pickStage(view.participants);
  const name = remoteName || stage.remote?.displayName || 'the other person';
  const status =
    view.state === 'reconnecting' ? 'Reconnecting…' : stage.remote ? `Connected with ${name}` : waitingText;
  return (
    <div className="vx-stage-wrap">
      <div className="vx-status-bar">
        <p className="vx-status" role="status" aria-live="polite" data-testid={`${testIdPrefix}call-status`} data-state={view.state}>
          {status}
        </p>
        <NetworkQuality level={view.networkQuality} />
      </div>
      {view.participants.some((p) => p.role === 'supervisor') && (
        // A supervisor who barges in is announced to everyone (a silent monitor is never listed at all).
        <p className="vx-status" role="status" data-testid={`${testIdPrefix}supervisor-joined`}>
          A supervisor joined the call
        </p>
      )}
      <div className="vx-stage" style={{ position: 'relative', aspectRatio: '16 / 9', background: '#111', borderRadius: 12, overflow: 'hidden' }}>
        {stage.screen && (
          <div style={fill}>
            <ParticipantVideo track={stage.screen} fit="contain" label={`Screen shared by ${name}`} testId={`${testIdPrefix}remote-screen`} />
          </div>
        )}
        {stage.remote ? (
          <div style={stage.screen ? inset('left') : fill}>
            <ParticipantVideo track={stage.camera} label={`Video of ${name}`} testId={`${testIdPrefix}remote-video`} />
            {!stage.camera && (
              <p className="vx-placeholder" style={{ ...fill, display: 'grid', placeItems: 'center', margin: 0, color: '#fff' }}>
                {name}’s camera is off
              </p>
            )}
          </div>
        ) : (
          <p className="vx-placeholder" style={{ ...fill, display: 'grid', placeItems: 'center', margin: 0, color: '#fff', padding: 16, textAlign: 'center' }}>
            {waitingText}
          </p>
        )}
        <div style={inset('right')}>
          <ParticipantVideo track={view.localVideo} mirrored label="Your own video" testId={`${testIdPrefix}local-video`} />
          {!view.localVideo && (
            <p style={{ ...fill, display: 'grid', placeItems: 'center', margin: 0, color: '#fff', fontSize: 12 }}>Camera off</p>
          )}
        </div>
      </div>
      {stage.audio.map((a) => (
        <ParticipantAudio key={a.sid} track={a.track} sinkId={sinkId} />
      ))}
    </div>
  );
}
