import type { MediaAccess } from '../domain/escalation';
import { JanusVideoClient } from './janus/janus-video-client';
import type { VideoClient } from './video-client';

/**
 * The Twilio Video client, loaded when a Twilio grant arrives: twilio-video is a separate chunk
 * of the customer page (ESM build with splitting, see scripts/build.mjs), fetched only on Twilio.
 * Bundles that cannot split leave twilio-video out (external), so the import fails here, clearly.
 */
const twilioVideoClient: VideoClient = {
  async connect(access, local) {
    let module: typeof import('./twilio/create-twilio-video-client');
    try {
      module = await import('./twilio/create-twilio-video-client');
    } catch (e) {
      console.error('video: could not load twilio-video', e);
      throw new Error('The video software did not load.');
    }
    return module.createTwilioVideoClient().connect(access, local);
  },
};

/** The browser video client for the provider the server granted access on. */
export function videoClientFor(access: MediaAccess): VideoClient {
  switch (access.provider) {
    case 'janus':
      return new JanusVideoClient();
    case 'twilio':
      return twilioVideoClient;
    default:
      throw new Error(`Unknown video provider: ${String((access as { provider: unknown }).provider)}`);
  }
}
