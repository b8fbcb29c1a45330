import type { MediaAccess } from '../../domain/escalation';
import type { LocalMedia, VideoClient, VideoRoom } from '../video-client';
import { JanusRoom } from './janus-room';

/** VideoClient for the local back end: a small typed client over the Janus WebSocket API. */
export class JanusVideoClient implements VideoClient {
  async connect(access: MediaAccess, local: LocalMedia): Promise<VideoRoom> {
    if (access.provider !== 'janus' || !access.serverUrl || !access.serverToken || !access.publisherIds) {
      throw new Error('This access grant is not for the Janus media server.');
    }
    const room = new JanusRoom({ ...access, serverUrl: access.serverUrl, serverToken: access.serverToken, publisherIds: access.publisherIds }, local);
    await room.start();
    return room;
  }
}
