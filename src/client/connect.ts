import type { MediaAccess } from '../domain/escalation';
import { JanusVideoClient } from './janus/janus-video-client';
import type { VideoClient } from './video-client';

/** The browser video client for the provider the server granted access on. */
export function videoClientFor(access: MediaAccess): VideoClient {
  switch (access.provider) {
    case 'janus':
      return new JanusVideoClient();
    case 'twilio':
      throw new Error('Twilio Video is not available in this build yet; use the local (Janus) back end.');
    default:
      throw new Error(`Unknown video provider: ${String((access as { provider: unknown }).provider)}`);
  }
}
