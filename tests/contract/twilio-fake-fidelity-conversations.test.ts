/**
 * The fake Conversations API refuses what Twilio documents that it refuses (#18, FIDELITY.md):
 * message and participant attributes over 4KB, conversation attributes over 16KB, and bodies over
 * 1,600 characters where a participant is reached by SMS or WhatsApp (32KB on chat) — through the
 * real `twilio` client, with Twilio's error body. And the product's own messages fit.
 */
import { TwilioConversations } from '../../src/adapters/twilio/twilio-conversations';
import { recordingMessage } from '../../src/core/pipeline/text/recording-message';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';
import { longCallTranscript } from '../../src/core/test-support/long-call-transcript';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** A JSON object of exactly `bytes` bytes. */
const attributesOf = (bytes: number) => {
  const shell = JSON.stringify({ pad: '' });
  return JSON.stringify({ pad: 'x'.repeat(bytes - shell.length) });
};
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    const err = e as { status: number; code: number; moreInfo: string };
    return { status: err.status, code: err.code, moreInfo: err.moreInfo };
  }
  return 'accepted';
};

it('refuses message attributes over 4KB and conversation attributes over 16KB with 50303', async () => {
  const sid = String(fake.seedConversation().sid);
  const client = fake.client().conversations.v1.conversations(sid);
  expect(await refusal(client.messages.create({ author: 'a', body: 'b', attributes: attributesOf(4000) }))).toBe('accepted');
  expect(await refusal(client.messages.create({ author: 'a', body: 'b', attributes: attributesOf(4001) }))).toEqual({
    status: 400,
    code: 50303,
    moreInfo: 'https://www.twilio.com/docs/errors/50303',
  });
  const [message] = fake.state.messages.get(sid) ?? [];
  expect(await refusal(client.messages(String(message.sid)).update({ attributes: attributesOf(4001) }))).toMatchObject({ status: 400, code: 50303 });
  expect(await refusal(client.update({ attributes: attributesOf(16_000) }))).toBe('accepted');
  expect(await refusal(client.update({ attributes: attributesOf(16_001) }))).toMatchObject({ status: 400, code: 50303 });
  expect(await refusal(client.participants.create({ identity: 'x', attributes: attributesOf(4001) }))).toMatchObject({ status: 400, code: 50303 });
});

it('holds bodies to 1,600 characters once a participant is on SMS or WhatsApp, and to 32KB on chat, with 50504', async () => {
  const chat = String(fake.seedConversation().sid);
  const sms = String(fake.seedConversation().sid);
  const whatsapp = String(fake.seedConversation().sid);
  fake.seedConversationParticipant(sms, { address: '+15005550006' });
  await fake.client().conversations.v1.conversations(whatsapp).participants.create({ 'messagingBinding.address': 'whatsapp:+15005550006' });
  const post = (sid: string, body: string) => refusal(fake.client().conversations.v1.conversations(sid).messages.create({ author: 'a', body }));
  for (const sid of [sms, whatsapp]) {
    expect(await post(sid, 'x'.repeat(1600))).toBe('accepted');
    expect(await post(sid, 'x'.repeat(1601))).toMatchObject({ status: 400, code: 50504 });
  }
  expect(await post(chat, 'x'.repeat(1601))).toBe('accepted');
  expect(await post(chat, 'x'.repeat(32_001))).toMatchObject({ status: 400, code: 50504 });
});

it('takes the recording message of a 30-minute, three-speaker call on an SMS conversation', async () => {
  const sid = String(fake.seedConversation().sid);
  fake.seedConversationParticipant(sid, { address: '+15005550006' });
  const segments = longCallTranscript().segments;
  const job = { recordingId: 'RE1', roomName: 'esc-1', escalationId: 'e1', kind: 'call' } as PipelineJob;
  const urls = { mediaUrl: 'https://x.twil.io/recording-media?recordingId=RE1&file=video.mp4', captionsUrl: 'https://x.twil.io/c', transcriptUrl: 'https://x.twil.io/t' };
  const content = recordingMessage(job, { engine: 'vi', segments }, 1800, urls);
  const conversations = new TwilioConversations({ client: fake.client() });
  const posted = await conversations.postMessage(sid, { author: 'Video', ...content });
  const stored = fake.state.messages.get(sid)!.find((m) => m.sid === posted.id)!;
  const attributeBytes = Buffer.byteLength(String(stored.attributes));
  console.log(`figure: message_attributes_max_bytes ${attributeBytes}`);
  expect(attributeBytes).toBeLessThanOrEqual(4096);
  expect(String(stored.body).length).toBeLessThanOrEqual(1600);
});
