import React, { useState } from 'react';
import type { VideoRoom } from '../../client/video-client';
import { useRoomState } from '../hooks/useRoomState';
import { CallControls } from './CallControls';
import { CallStage } from './CallStage';
import { canShareScreen } from './can-share-screen';
import { disconnectMessage } from './disconnect-messages';
import { RecordingIndicator } from './RecordingIndicator';

export interface VideoPanelProps {
  room: VideoRoom | null;
  /** Ends the call for everyone (server side); the panel shows the outcome. */
  onEnd(): Promise<void>;
  /** Leave without ending; defaults to disconnecting this browser only. */
  onLeave?(): void;
  /** What is happening before there is a room, e.g. "Starting the video call…". */
  status?: string;
  /** Offers Rejoin after this browser left or lost the connection. */
  onRejoin?(): void;
  /** Hides the panel after the call is over. */
  onClose?(): void;
  shareScreenSupported?: boolean;
  /** The host ended the call for everyone: say so even if this browser saw only its own leave. */
  endedForEveryone?: boolean;
  /** The room records: the panel says so for the whole call. */
  recording?: boolean;
  /** The customer's name from the chat or task, shown instead of the generic "Customer". */
  customerName?: string;
}

/** The agent's video panel: the same stage and controls as the customer's, plus "End call for everyone". */
export function VideoPanel({ room, onEnd, onLeave, status, onRejoin, onClose, shareScreenSupported, endedForEveryone, recording = false, customerName }: VideoPanelProps) {
  const view = useRoomState(room);
  const [ending, setEnding] = useState(false);
  const [endError, setEndError] = useState<string | null>(null);

  if (!room || !view) {
    return (
      <section className="vx-panel" aria-label="Video call" data-testid="video-panel">
        <p className="vx-status" role="status" aria-live="polite" data-testid="agent-call-status">
          {status ?? 'No video call'}
        </p>
      </section>
    );
  }

  if (view.state === 'disconnected') {
    const reason = endedForEveryone ? 'ended' : (view.reason ?? 'error');
    const msg = disconnectMessage(reason, 'agent');
    return (
      <section className="vx-panel" aria-label="Video call" data-testid="video-panel">
        <div className="vx-ended" role="status" aria-live="polite" data-testid="agent-call-status" data-reason={reason}>
          <h2 className="vx-ended__title">{msg.title}</h2>
          <p>{msg.detail}</p>
        </div>
        <div className="vx-controls">
          {onRejoin && (reason === 'left' || reason === 'network') && (
            <button type="button" className="vx-button vx-button--primary" data-testid="rejoin-button" onClick={onRejoin}>
              Rejoin
            </button>
          )}
          {onClose && (
            <button type="button" className="vx-button" data-testid="close-panel-button" onClick={onClose}>
              Close
            </button>
          )}
        </div>
      </section>
    );
  }

  const local = room.localParticipant;
  const end = async () => {
    setEnding(true);
    setEndError(null);
    try {
      await onEnd();
    } catch (e) {
      setEndError(e instanceof Error ? e.message : 'Could not end the call.');
    } finally {
      setEnding(false);
    }
  };

  return (
    <section className="vx-panel" aria-label="Video call" data-testid="video-panel">
      <RecordingIndicator recording={recording} />
      <CallStage
        view={view}
        testIdPrefix="agent-"
        waitingText={`Waiting for ${customerName || 'the customer'} to join…`}
        remoteName={customerName}
      />
      <CallControls
        audioEnabled={view.audioEnabled}
        videoEnabled={view.videoEnabled}
        screenSharing={view.screenSharing}
        canShareScreen={shareScreenSupported ?? canShareScreen()}
        onToggleMicrophone={() => local.setMicrophoneEnabled(!local.audioEnabled)}
        onToggleCamera={() => local.setCameraEnabled(!local.videoEnabled)}
        onToggleScreenShare={() => (local.screenSharing ? local.stopScreenShare() : local.startScreenShare())}
        onLeave={() => (onLeave ? onLeave() : room.disconnect())}
      >
        <button
          type="button"
          className="vx-button vx-button--danger"
          data-testid="end-call-button"
          aria-label="End call for everyone"
          disabled={ending}
          onClick={end}
        >
          {ending ? 'Ending…' : 'End call for everyone'}
        </button>
      </CallControls>
      {endError && (
        <p className="vx-error" role="alert">
          {endError}
        </p>
      )}
    </section>
  );
}
