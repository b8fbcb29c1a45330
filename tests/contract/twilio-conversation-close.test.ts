/**
 * On Twilio, a conversation closes by the signed Conversations `onConversationStateUpdated`
 * webhook. Run as deployed (bundled Functions under twilio-run, real PostgreSQL, fake Twilio):
 * a signed close is accepted once and redelivery changes nothing; unsigned or forged ones are
 * refused and record nothing; the sweep at close deletes a PII recording's media with exactly
 * the REST calls expected; the scheduled sweep Function wants its secret.
 */
import twilio from 'twilio';
import { openPostgresStore, type SqlStore } from '../../src/adapters/sql/database';
import { MEDIA_DELETED_TEXT } from '../../src/domain/privacy';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { RETENTION_SWEEP_SECRET_FOR_TESTS, startTwilioStack, type TwilioStack } from './support/twilio-stack';

jest.setTimeout(90_000);

let stack: TwilioStack;
let store: SqlStore;
beforeAll(async () => {
  stack = await startTwilioStack();
  store = await openPostgresStore(stack.databaseUrl);
}, 60_000);
afterAll(async () => {
  await store?.close();
  await stack?.close();
});

const closedEvent = (sid: string, to = 'closed') => ({
  EventType: 'onConversationStateUpdated',
  ConversationSid: sid,
  AccountSid: stack.fake.accountSid,
  StateFrom: 'active',
  StateTo: to,
  Reason: 'API',
  DateUpdated: new Date().toISOString(),
});

/** A conversation with one recorded call whose transcript had a card number: 2 tracks, 1 composition, the card posted. */
async function pciCall() {
  const { fake } = stack;
  const conversation = fake.seedConversation({ friendlyName: 'PCI chat' });
  const room = fake.seedRoom({ uniqueName: `esc-${conversation.sid.slice(2, 10)}`, recordParticipantsOnConnect: true, completed: true });
  const tracks = ['mic', 'cam'].map((trackName) => fake.seedRecording(room.sid, { participantSid: 'PA1', trackName, type: trackName === 'mic' ? 'audio' : 'video' }));
  const grid = await fake.client().video.v1.compositions.create({ roomSid: room.sid, audioSources: ['*'], format: 'mp4' });
  fake.completeComposition(grid.sid);
  const now = new Date().toISOString();
  const job: PipelineJob = {
    roomName: room.unique_name,
    roomSid: room.sid,
    conversationId: conversation.sid,
    escalationId: `esc-${room.sid}`,
    recordingId: `RE${room.sid.slice(2)}`,
    recording: true,
    endedAt: now,
    state: 'attached',
    video: { compositionId: grid.sid, status: 'ready', durationSeconds: 10 },
    pii: ['card_number'],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await store.pipeline.insertIfAbsent(job);
  const message = fake.seedMessage(conversation.sid, {
    author: 'system',
    body: 'Video call recording · 0:10 · transcript\n\n[0:01] Customer: my card is [card number]',
    attributes: { type: 'video-recording', recordingId: job.recordingId, roomName: job.roomName, mediaUrl: 'https://x.example/media', idempotencyKey: job.roomName, transcriptStatus: 'ready' },
  });
  fake.clearRequests();
  return { conversation, room, tracks, grid, job, message };
}

it('a signed close is accepted, starts the clock once, and deletes the PII recording through REST exactly', async () => {
  const { conversation, room, tracks, grid, job, message } = await pciCall();
  const first = await stack.webhook('conversation-state', closedEvent(conversation.sid));
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ conversationId: conversation.sid, source: 'conversation_webhook', onHold: false, mediaDeletesAt: expect.any(String) });

  const video = stack.fake.requestsTo('video.twilio.com').map((r) => `${r.method} ${r.path}`);
  // Compositions (what a viewer can fetch) first, then the track recordings they were made from.
  const deletes = video.filter((c) => c.startsWith('DELETE'));
  expect(deletes[0]).toBe(`DELETE /v1/Compositions/${grid.sid}`);
  expect(deletes.slice(1).sort()).toEqual(tracks.map((t) => `DELETE /v1/Recordings/${t.sid}`).sort());
  expect(stack.fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.query)).toEqual([{}, {}, {}]);
  expect(video).toContain(`GET /v1/Recordings`);
  expect(stack.fake.requestsTo('video.twilio.com').find((r) => r.path === '/v1/Recordings')?.query).toEqual({ GroupingSid: room.sid });
  expect(stack.fake.state.compositions.has(grid.sid)).toBe(false);
  expect(tracks.map((t) => stack.fake.state.recordings.get(t.sid)?.status)).toEqual(['deleted', 'deleted']);

  // The card in the chat now says why, in place.
  const updated = stack.fake.state.messages.get(conversation.sid)?.find((m) => m.sid === message.sid);
  expect(updated?.body).toContain(MEDIA_DELETED_TEXT);
  expect(JSON.parse(updated?.attributes)).toMatchObject({ videoStatus: 'deleted', mediaDeleted: { reason: 'pii' } });
  expect(JSON.parse(updated?.attributes).mediaUrl).toBeUndefined();
  expect((await store.pipeline.get(job.roomName))?.mediaDeletion).toMatchObject({ state: 'deleted', reason: 'pii' });

  // Redelivered: the first close stands, nothing is deleted or audited again.
  stack.fake.clearRequests();
  const again = await stack.webhook('conversation-state', closedEvent(conversation.sid));
  expect(again).toEqual(first);
  expect(stack.fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  const audit = await store.privacy.listAudit({ conversationId: conversation.sid });
  expect(audit.map((e) => e.action)).toEqual(['retention.media_deleted', 'conversation.closed']);
});

it('unsigned, forged or replayed-to-another-URL closes get 403 and record nothing', async () => {
  const { conversation, tracks } = await pciCall();
  const event = closedEvent(conversation.sid);
  expect((await stack.webhook('conversation-state', event, { signature: null })).status).toBe(403);
  expect((await stack.webhook('conversation-state', event, { signature: 'AAAAforgedAAAA=' })).status).toBe(403);
  expect((await stack.webhook('conversation-state', event, { signedPath: 'room-status' })).status).toBe(403);
  const other = closedEvent(`CH${'0'.repeat(32)}`);
  const sig = twilio.getExpectedTwilioSignature(stack.authToken, `${stack.webhookBase}/conversation-state`, other);
  expect((await stack.webhook('conversation-state', event, { signature: sig })).status).toBe(403);
  expect(await store.privacy.getClosure(conversation.sid)).toBeNull();
  expect(stack.fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  expect(tracks.map((t) => stack.fake.state.recordings.get(t.sid)?.status)).toEqual(['completed', 'completed']);
});

it('other states are acknowledged and ignored; malformed events are a 400', async () => {
  const { conversation } = await pciCall();
  const inactive = await stack.webhook('conversation-state', closedEvent(conversation.sid, 'inactive'));
  expect(inactive).toEqual({ status: 200, body: { ignored: 'inactive' } });
  expect(await store.privacy.getClosure(conversation.sid)).toBeNull();
  expect((await stack.webhook('conversation-state', { EventType: 'onConversationStateUpdated', ConversationSid: 'nope', StateTo: 'closed' })).status).toBe(400);
});

it('the scheduled sweep Function runs only with its secret', async () => {
  expect((await stack.post('retention-sweep', { secret: 'guess' })).status).toBe(401);
  expect((await stack.post('retention-sweep', {})).status).toBe(400);
  const ok = await stack.post('retention-sweep', { secret: RETENTION_SWEEP_SECRET_FOR_TESTS });
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ failed: 0, conversations: expect.any(Number) });
});
