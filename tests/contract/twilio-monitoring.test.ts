import { createHmac } from 'node:crypto';
import { RECORDING_NOTICE } from '../../src/domain/consent';
import { startTwilioStack, type TwilioStack } from './support/twilio-stack';

/**
 * Silent monitoring on BACKEND=twilio, at the HTTP boundary of the grant: the supervisor gets an
 * AccessToken (signed with the API key) whose VideoGrant is for the call's room only and whose
 * identity is the hidden `monitor:<id>`; such a participant is never counted as present in the
 * call, and Stop disconnects exactly it by REST. Agents get 403.
 */
jest.setTimeout(120_000);

let stack: TwilioStack;
beforeAll(async () => {
  stack = await startTwilioStack();
});
afterAll(async () => {
  await stack?.close();
});

const AGENT = 'flex-agent-token';
const SUPERVISOR = 'flex-supervisor-token';

const decode = (jwt: string) => {
  const [header, payload, signature] = jwt.split('.');
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString());
  return { header: json(header), payload: json(payload), signed: `${header}.${payload}`, signature };
};

it('grants a hidden, track-less monitor identity for the room, never counted present, removed on Stop', async () => {
  const { fake } = stack;
  fake.seedFlexToken(AGENT, { identity: 'alex', roles: ['agent'] });
  fake.seedFlexToken(SUPERVISOR, { identity: 'sue', roles: ['supervisor'] });
  const conversation = fake.seedConversation({ friendlyName: 'Chat with Casey', attributes: { customerName: 'Casey' } });
  const escalated = await stack.post('escalate', { Token: AGENT, conversationId: String(conversation.sid) });
  expect(escalated.status).toBe(200);
  const { roomName, roomSid } = escalated.body.access;

  const live = await stack.post('live-calls', { Token: SUPERVISOR });
  expect(live.status).toBe(200);
  expect(live.body.calls).toEqual([expect.objectContaining({ escalationId: escalated.body.escalationId, customerName: 'Casey', recording: true })]);
  expect((await stack.post('live-calls', { Token: AGENT })).status).toBe(403);
  expect((await stack.post('monitor', { Token: AGENT, action: 'start', escalationId: escalated.body.escalationId })).status).toBe(403);

  const started = await stack.post('monitor', { Token: SUPERVISOR, action: 'start', escalationId: escalated.body.escalationId });
  expect(started.status).toBe(200);
  const { access, monitoringId } = started.body;
  expect(access).toMatchObject({ provider: 'twilio', identity: 'monitor:sue', role: 'supervisor', receiveOnly: true, roomName, roomSid });
  const token = decode(access.token);
  expect(token.header).toMatchObject({ alg: 'HS256', cty: 'twilio-fpa;v=1' });
  expect(token.payload.iss).toBe(fake.credentials.apiKeySid);
  expect(token.payload.sub).toBe(fake.credentials.accountSid);
  expect(token.payload.grants).toEqual({ identity: 'monitor:sue', video: { room: roomName } });
  const expected = createHmac('sha256', fake.credentials.apiKeySecret).update(token.signed).digest('base64url');
  expect(token.signature).toBe(expected);

  // On Twilio the monitor is a participant; presence (the customer link's "in use") never counts it.
  fake.seedParticipant(roomSid, 'monitor:sue');
  const linkToken = new URL(escalated.body.customerLink).hash.replace(/^#t=/, '');
  fake.clearRequests();
  const check = await stack.post('customer-token', { linkToken, action: 'check' });
  expect(check.status).toBe(200);
  expect(check.body.inUse).toBe(false);
  const joined = await stack.post('customer-token', { linkToken, action: 'join', consent: true, noticeVersion: RECORDING_NOTICE.version });
  expect(joined.status).toBe(200);
  // The join did not mistake the monitor for the customer: nobody was disconnected.
  expect(fake.requestsTo('video.twilio.com').filter((r) => r.method === 'POST' && /\/Participants\//.test(r.path))).toEqual([]);

  fake.clearRequests();
  const stopped = await stack.post('monitor', { Token: SUPERVISOR, action: 'stop', monitoringId });
  expect(stopped.status).toBe(200);
  const disconnects = fake.requestsTo('video.twilio.com').filter((r) => r.method === 'POST' && /\/Participants\//.test(r.path));
  expect(disconnects.map((r) => [decodeURIComponent(r.path), r.form])).toEqual([[`/v1/Rooms/${roomSid}/Participants/monitor:sue`, { Status: 'disconnected' }]]);
});
