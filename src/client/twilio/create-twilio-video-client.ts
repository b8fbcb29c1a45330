import * as Video from 'twilio-video';
import { TwilioVideoClient, type TwilioVideoClientOptions } from './twilio-video-client';
import type { TwilioVideoApi } from './twilio-video-api';

/** The real twilio-video module; assigning it here checks it still fits the narrowed API. */
const twilioVideo: TwilioVideoApi = Video;

/**
 * The browser video client for `provider: 'twilio'` access grants, over the real twilio-video.
 * (Tests build `new TwilioVideoClient({ video: mock })` instead; see test-support/.)
 */
export function createTwilioVideoClient(options: Omit<TwilioVideoClientOptions, 'video'> = {}): TwilioVideoClient {
  return new TwilioVideoClient({ ...options, video: twilioVideo });
}
