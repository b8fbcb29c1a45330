import React from 'react';
import { ParticipantVideo } from '../components/ParticipantVideo';

export interface TakeStageProps {
  /** The screen, or the camera in a camera-only clip. */
  main: MediaStreamTrack | null;
  /** Screen + camera: the camera, shown in a corner (the server's composition places it the same way). */
  pip?: MediaStreamTrack | null;
  mainIsScreen: boolean;
}

/** What is being recorded, live: the main picture with the camera in a corner in pip mode. */
export function TakeStage({ main, pip, mainIsScreen }: TakeStageProps) {
  return (
    <div className="vx-clip__stage">
      <ParticipantVideo
        track={main}
        fit={mainIsScreen ? 'contain' : 'cover'}
        mirrored={!mainIsScreen}
        label={mainIsScreen ? 'Your screen, as it is recorded' : 'Your camera, as it is recorded'}
        testId="clip-live-main"
      />
      {pip && (
        <div className="vx-clip__pip">
          <ParticipantVideo track={pip} mirrored label="Your camera, as it is recorded" testId="clip-live-pip" />
        </div>
      )}
    </div>
  );
}
