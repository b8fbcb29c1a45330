import type { VideoClient, VideoRoom } from '../../client/video-client';
import type { MediaAccess } from '../../domain/escalation';

/** What a take publishes: the voice, and the camera and/or the screen picked before the countdown. */
export interface ClipMedia {
  audio?: MediaStreamTrack;
  camera?: MediaStreamTrack;
  screen?: MediaStreamTrack;
}

export type ClipConnect = (access: MediaAccess, media: ClipMedia) => Promise<VideoRoom>;

/**
 * Joins the take's room with the provider the server granted and publishes the take's media: the
 * camera (if any) with the voice, and the already-picked screen as a screen share, so the media
 * server records each as its own track (the composition puts the camera in a corner).
 */
export function clipConnector(videoClientFor: (access: MediaAccess) => VideoClient): ClipConnect {
  return async (access, media) => {
    const room = await videoClientFor(access).connect(access, { audio: media.audio, video: media.camera });
    if (media.screen) {
      try {
        await room.localParticipant.startScreenShare(media.screen);
      } catch (e) {
        room.disconnect();
        throw e;
      }
    }
    return room;
  };
}
