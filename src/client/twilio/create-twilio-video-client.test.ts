import * as Video from 'twilio-video';
import { createTwilioVideoClient } from './create-twilio-video-client';
import { twilioAccess } from './test-support/fixtures';
import { TwilioVideoClient } from './twilio-video-client';

test('production wiring uses the real twilio-video module', async () => {
  const client = createTwilioVideoClient();
  expect(client).toBeInstanceOf(TwilioVideoClient);
  expect(Video.version).toMatch(/^2\./);
  // Refused before any network or device access.
  await expect(client.connect(twilioAccess({ provider: 'janus' }), {})).rejects.toThrow('not for Twilio Video');
});
