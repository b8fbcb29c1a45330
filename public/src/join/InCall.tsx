import React, { useEffect } from 'react';
import type { VideoRoom } from '../../../src/client/video-client';
import { CallControls } from '../../../src/ui/components/CallControls';
import { CallStage } from '../../../src/ui/components/CallStage';
import { RecordingIndicator } from '../../../src/ui/components/RecordingIndicator';
import { canShareScreen } from '../../../src/ui/components/can-share-screen';
import { useRoomState } from '../../../src/ui/hooks/useRoomState';

/** The customer's call: the agent large, self small, the same controls the agent has. */
export function InCall({ room, agentName, sinkId, recording }: { room: VideoRoom; agentName: string; sinkId?: string; recording: boolean }) {
  const view = useRoomState(room);
  // Leaving the page leaves the call at once, so the agent is not left looking at a frozen picture.
  useEffect(() => {
    const leave = () => room.disconnect();
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, [room]);
  if (!view) return null;
  const local = room.localParticipant;
  return (
    <main className="page page--call">
      <h1 className="visually-hidden">Video call with {agentName}</h1>
      <RecordingIndicator recording={recording} />
      <CallStage view={view} waitingText={`Waiting for ${agentName} to join…`} sinkId={sinkId} />
      <CallControls
        audioEnabled={view.audioEnabled}
        videoEnabled={view.videoEnabled}
        screenSharing={view.screenSharing}
        canShareScreen={canShareScreen()}
        onToggleMicrophone={() => local.setMicrophoneEnabled(!local.audioEnabled)}
        onToggleCamera={() => local.setCameraEnabled(!local.videoEnabled)}
        onToggleScreenShare={() => (local.screenSharing ? local.stopScreenShare() : local.startScreenShare())}
        onLeave={() => room.disconnect()}
      />
    </main>
  );
}
