/**
 * The Twilio adapters speak Twilio's REST API exactly as documented: each test runs an adapter
 * through the real `twilio` client (routed by TWILIO_API_BASE_URL_FOR_TESTS to a local fake) and
 * asserts every call's method, host, path and parameters.
 */
import { jwtVerify } from 'jose';
import { FlexIdentity } from '../../src/adapters/twilio/flex-identity';
import { TwilioConversations } from '../../src/adapters/twilio/twilio-conversations';
import { TwilioRooms } from '../../src/adapters/twilio/twilio-rooms';
import { DomainError } from '../../src/domain/errors';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';

let fake: FakeTwilio;
beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** The calls as `METHOD host path`, for asserting sequences at a glance. */
const calls = () => fake.requests.map((r) => `${r.method} ${r.host} ${r.path}`);

describe('TwilioRooms', () => {
  const STATUS_CALLBACK = 'https://escalation-1234.twil.io/room-status';
  const rooms = () =>
    new TwilioRooms({
      client: fake.client(),
      accountSid: fake.accountSid,
      apiKeySid: fake.credentials.apiKeySid,
      apiKeySecret: fake.credentials.apiKeySecret,
      statusCallbackUrl: STATUS_CALLBACK,
      emptyRoomTimeout: 2,
      unusedRoomTimeout: 10,
    });

  it('creates a recorded group room with a status callback', async () => {
    const ref = await rooms().createRoom({ name: 'esc-1', recording: true, maxParticipants: 4 });

    expect(ref).toEqual({ name: 'esc-1', sid: expect.stringMatching(/^RM[0-9a-f]{32}$/) });
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', host: 'video.twilio.com', path: '/v1/Rooms', query: {}, auth: { present: true, username: fake.credentials.apiKeySid } });
    expect(req.form).toEqual({
      UniqueName: 'esc-1',
      Type: 'group',
      RecordParticipantsOnConnect: 'true',
      StatusCallback: STATUS_CALLBACK,
      StatusCallbackMethod: 'POST',
      MaxParticipants: '4',
      EmptyRoomTimeout: '2',
      UnusedRoomTimeout: '10',
    });
    expect(fake.state.rooms.get(ref.sid)).toMatchObject({ unique_name: 'esc-1', status: 'in-progress', record_participants_on_connect: true });
  });

  it('leaves out the room timeouts when none are configured, and records only when asked', async () => {
    const adapter = new TwilioRooms({ client: fake.client(), accountSid: fake.accountSid, apiKeySid: 'SK1', apiKeySecret: 's', statusCallbackUrl: STATUS_CALLBACK });
    await adapter.createRoom({ name: 'esc-2', recording: false, maxParticipants: 2 });
    expect(fake.requests[0].form).toEqual({
      UniqueName: 'esc-2',
      Type: 'group',
      RecordParticipantsOnConnect: 'false',
      StatusCallback: STATUS_CALLBACK,
      StatusCallbackMethod: 'POST',
      MaxParticipants: '2',
    });
  });

  it('is idempotent: creating the same room twice returns the in-progress room (Twilio 53113)', async () => {
    const first = await rooms().createRoom({ name: 'esc-1', recording: true, maxParticipants: 4 });
    const second = await rooms().createRoom({ name: 'esc-1', recording: true, maxParticipants: 4 });

    expect(second).toEqual(first);
    expect(calls()).toEqual(['POST video.twilio.com /v1/Rooms', 'POST video.twilio.com /v1/Rooms', 'GET video.twilio.com /v1/Rooms/esc-1']);
    expect(fake.requests.map((r) => r.status)).toEqual([201, 400, 200]);
    expect(fake.state.rooms.size).toBe(1);
  });

  it('surfaces other create failures', async () => {
    fake.failNext({ method: 'POST', path: '/v1/Rooms', status: 503 });
    await expect(rooms().createRoom({ name: 'esc-1', recording: true, maxParticipants: 4 })).rejects.toMatchObject({ status: 503 });
  });

  it('grants access with an AccessToken for that room only, without a REST call', async () => {
    const before = Date.now();
    const access = await rooms().grantAccess({ name: 'esc-1', sid: 'RM' + 'a'.repeat(32) }, { identity: 'customer:c1', displayName: 'Sam', role: 'customer', ttlSeconds: 600 });

    expect(fake.requests).toHaveLength(0);
    expect(access).toMatchObject({ provider: 'twilio', roomName: 'esc-1', roomSid: 'RM' + 'a'.repeat(32), identity: 'customer:c1', displayName: 'Sam', role: 'customer' });
    expect(Date.parse(access.expiresAt) - before).toBeGreaterThanOrEqual(599_000);
    const { payload, protectedHeader } = await jwtVerify(access.token, new TextEncoder().encode(fake.credentials.apiKeySecret));
    expect(protectedHeader).toMatchObject({ alg: 'HS256', cty: 'twilio-fpa;v=1' });
    expect(payload).toMatchObject({ iss: fake.credentials.apiKeySid, sub: fake.accountSid, grants: { identity: 'customer:c1', video: { room: 'esc-1' } } });
    expect(payload.exp! - payload.iat!).toBe(600);

    // Tokens cannot be revoked: however long the grant asks, a token lives at most 15 minutes.
    const long = await rooms().grantAccess({ name: 'esc-1', sid: 'RM' + 'a'.repeat(32) }, { identity: 'agent:a', displayName: 'A', role: 'agent', ttlSeconds: 4 * 3600 });
    const claims = (await jwtVerify(long.token, new TextEncoder().encode(fake.credentials.apiKeySecret))).payload;
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(Date.parse(long.expiresAt) - Date.now()).toBeLessThanOrEqual(900_000);
  });

  it('lists only connected identities', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    fake.seedParticipant(room.sid, 'agent:alex');
    fake.seedParticipant(room.sid, 'customer:c1');
    fake.seedParticipant(room.sid, 'customer:old', 'disconnected');

    const identities = await rooms().connectedIdentities({ name: 'esc-1', sid: room.sid });

    expect(identities.sort()).toEqual(['agent:alex', 'customer:c1']);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', host: 'video.twilio.com', path: `/v1/Rooms/${room.sid}/Participants`, query: { Status: 'connected' } });
  });

  it('has no connected identities in a room Twilio does not know', async () => {
    expect(await rooms().connectedIdentities({ name: 'gone', sid: 'RM' + '0'.repeat(32) })).toEqual([]);
  });

  it('disconnects a participant by identity; removing an absent one is a no-op', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    fake.seedParticipant(room.sid, 'customer:c1');

    await rooms().removeParticipant({ name: 'esc-1', sid: room.sid }, 'customer:c1');
    await rooms().removeParticipant({ name: 'esc-1', sid: room.sid }, 'customer:c1');

    expect(fake.requests.map((r) => [r.method, r.host, r.path, r.form, r.status])).toEqual([
      ['POST', 'video.twilio.com', `/v1/Rooms/${room.sid}/Participants/customer:c1`, { Status: 'disconnected' }, 200],
      ['POST', 'video.twilio.com', `/v1/Rooms/${room.sid}/Participants/customer:c1`, { Status: 'disconnected' }, 404],
    ]);
    expect(await rooms().connectedIdentities({ name: 'esc-1', sid: room.sid })).toEqual([]);
  });

  it('finds participants by listing when the identity cannot be a path segment', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    const p = fake.seedParticipant(room.sid, 'agent:team/alex');

    await rooms().removeParticipant({ name: 'esc-1', sid: room.sid }, 'agent:team/alex');

    expect(calls()).toEqual([`GET video.twilio.com /v1/Rooms/${room.sid}/Participants`, `POST video.twilio.com /v1/Rooms/${room.sid}/Participants/${p.sid}`]);
    expect(fake.requests[0].query).toEqual({ Identity: 'agent:team/alex', Status: 'connected' });
    expect(fake.state.participants.get(p.sid)!.status).toBe('disconnected');
  });

  it('ends a room once; ending it again, or ending an unknown room, is a no-op', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    fake.seedParticipant(room.sid, 'agent:alex');
    const ref = { name: 'esc-1', sid: room.sid };

    await rooms().endRoom(ref);
    await rooms().endRoom(ref);
    await rooms().endRoom({ name: 'nope', sid: 'RM' + '0'.repeat(32) });

    expect(fake.requests.map((r) => [r.method, r.path, r.form, r.status])).toEqual([
      ['POST', `/v1/Rooms/${room.sid}`, { Status: 'completed' }, 200],
      ['POST', `/v1/Rooms/${room.sid}`, { Status: 'completed' }, 400],
      ['GET', `/v1/Rooms/${room.sid}`, {}, 200],
      ['POST', `/v1/Rooms/RM${'0'.repeat(32)}`, { Status: 'completed' }, 404],
    ]);
    expect(room.status).toBe('completed');
    expect([...fake.state.participants.values()].every((p) => p.status === 'disconnected')).toBe(true);
  });

  it('surfaces a failure to end a room that is still in progress', async () => {
    const room = fake.seedRoom({ uniqueName: 'esc-1' });
    fake.failNext({ method: 'POST', path: `/v1/Rooms/${room.sid}`, status: 500 });
    await expect(rooms().endRoom({ name: 'esc-1', sid: room.sid })).rejects.toMatchObject({ status: 500 });
    expect(room.status).toBe('in-progress');
  });
});

describe('TwilioConversations', () => {
  const conversations = (pageSize?: number) => new TwilioConversations({ client: fake.client(), pageSize });

  it('reads a conversation with its attributes, and null for an unknown one', async () => {
    const c = fake.seedConversation({ friendlyName: 'Chat with Sam', attributes: { channel: 'web' } });

    expect(await conversations().get(c.sid)).toEqual({ id: c.sid, friendlyName: 'Chat with Sam', attributes: { channel: 'web' }, createdAt: expect.any(String), state: 'active' });
    expect(await conversations().get('CH' + '0'.repeat(32))).toBeNull();
    expect(calls()).toEqual([`GET conversations.twilio.com /v1/Conversations/${c.sid}`, `GET conversations.twilio.com /v1/Conversations/CH${'0'.repeat(32)}`]);
  });

  it('posts a message with author, body and JSON attributes', async () => {
    const c = fake.seedConversation();

    const message = await conversations().postMessage(c.sid, { author: 'agent:alex', body: 'Join the video call', attributes: { type: 'video-link', escalationId: 'e1' } });

    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', host: 'conversations.twilio.com', path: `/v1/Conversations/${c.sid}/Messages` });
    expect(fake.requests[0].form).toEqual({ Author: 'agent:alex', Body: 'Join the video call', Attributes: '{"type":"video-link","escalationId":"e1"}' });
    expect(message).toEqual({
      id: expect.stringMatching(/^IM[0-9a-f]{32}$/),
      conversationId: c.sid,
      author: 'agent:alex',
      body: 'Join the video call',
      attributes: { type: 'video-link', escalationId: 'e1' },
      createdAt: expect.any(String),
    });
  });

  it('lists every message oldest first, following Twilio paging', async () => {
    const c = fake.seedConversation();
    for (let i = 0; i < 5; i++) fake.seedMessage(c.sid, { author: 'customer', body: `m${i}`, attributes: { i } });

    const messages = await conversations(2).listMessages(c.sid);

    expect(messages.map((m) => m.body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(messages[3].attributes).toEqual({ i: 3 });
    expect(fake.requests.map((r) => r.query)).toEqual([
      { Order: 'asc', PageSize: '2' },
      { Order: 'asc', PageSize: '2', Page: '1', PageToken: expect.any(String) },
      { Order: 'asc', PageSize: '2', Page: '2', PageToken: expect.any(String) },
    ]);
    expect(new Set(fake.requests.map((r) => `${r.method} ${r.host} ${r.path}`))).toEqual(new Set([`GET conversations.twilio.com /v1/Conversations/${c.sid}/Messages`]));
  });

  it('finds a message by attribute scanning newest first, stopping at the match', async () => {
    const c = fake.seedConversation();
    for (let i = 0; i < 5; i++) fake.seedMessage(c.sid, { author: 'system', body: `m${i}`, attributes: i === 1 ? { transcriptFor: 'RM1' } : {} });

    const found = await conversations(2).findMessageByAttribute(c.sid, 'transcriptFor', 'RM1');

    expect(found?.body).toBe('m1');
    expect(fake.requests.map((r) => r.query.Order)).toEqual(['desc', 'desc']); // m4 m3 | m2 m1: two pages
  });

  it('reads every page before answering that no message matches', async () => {
    const c = fake.seedConversation();
    for (let i = 0; i < 5; i++) fake.seedMessage(c.sid, { author: 'system', body: `m${i}` });

    expect(await conversations(2).findMessageByAttribute(c.sid, 'transcriptFor', 'RM1')).toBeNull();
    expect(fake.requests).toHaveLength(3);
  });

  it('deep-merges attributes: fetch, merge, update with webhooks off', async () => {
    const c = fake.seedConversation({ attributes: { channel: 'web', videoEscalation: { recordings: { RM1: { status: 'composing' } }, active: 'e1' } } });

    const merged = await conversations().mergeAttributes(c.sid, { videoEscalation: { recordings: { RM2: { status: 'ready' } }, active: null } });

    // null removes a key (what is finished leaves: a conversation's attributes cap at 16KB).
    const expected = { channel: 'web', videoEscalation: { recordings: { RM1: { status: 'composing' }, RM2: { status: 'ready' } } } };
    expect(merged).toEqual(expected);
    expect(fake.attributesOf(c.sid)).toEqual(expected);
    expect(calls()).toEqual([`GET conversations.twilio.com /v1/Conversations/${c.sid}`, `POST conversations.twilio.com /v1/Conversations/${c.sid}`]);
    const update = fake.requests[1];
    expect(update.form).toEqual({ Attributes: JSON.stringify(expected) });
    expect(update.headers['x-twilio-webhook-enabled']).toBe('false');
  });

  it('updates a message in place with the Conversations message update: body and JSON attributes', async () => {
    const c = fake.seedConversation();
    const seeded = fake.seedMessage(c.sid, { author: 'system', body: 'video · transcript to follow', attributes: { transcriptStatus: 'pending' } });

    const updated = await conversations().updateMessage(c.sid, String(seeded.sid), { body: 'video · transcript', attributes: { transcriptStatus: 'ready' } });
    await conversations().updateMessage(c.sid, String(seeded.sid), { attributes: { transcriptStatus: 'unavailable' } });

    expect(calls()).toEqual([
      `POST conversations.twilio.com /v1/Conversations/${c.sid}/Messages/${seeded.sid}`,
      `POST conversations.twilio.com /v1/Conversations/${c.sid}/Messages/${seeded.sid}`,
    ]);
    expect(fake.requests[0].form).toEqual({ Body: 'video · transcript', Attributes: '{"transcriptStatus":"ready"}' });
    expect(fake.requests[1].form).toEqual({ Attributes: '{"transcriptStatus":"unavailable"}' });
    expect(updated).toMatchObject({ id: seeded.sid, conversationId: c.sid, body: 'video · transcript', attributes: { transcriptStatus: 'ready' } });
    const [stored] = fake.state.messages.get(String(c.sid)) ?? [];
    expect(stored).toMatchObject({ sid: seeded.sid, body: 'video · transcript', attributes: '{"transcriptStatus":"unavailable"}' });
  });

  it('treats unparsable stored attributes as empty rather than failing', async () => {
    const c = fake.seedConversation();
    c.attributes = 'not json';
    expect(await conversations().mergeAttributes(c.sid, { a: 1 })).toEqual({ a: 1 });
  });
});

describe('FlexIdentity', () => {
  const identity = () => new FlexIdentity({ ...fake.credentials, env: fake.env });

  it('verifies an agent token with Twilio IAM', async () => {
    fake.seedFlexToken('agent-token', { identity: 'alex@example.com', roles: ['agent'], workerSid: 'WK' + '1'.repeat(32) });

    expect(await identity().verify('agent-token')).toEqual({ identity: 'alex@example.com', name: 'alex@example.com', roles: ['agent'] });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      host: 'iam.twilio.com',
      path: `/v1/Accounts/${fake.accountSid}/Tokens/validate`,
      json: { token: 'agent-token' },
      auth: { present: true, username: fake.credentials.apiKeySid },
    });
    expect(fake.requests[0].headers['content-type']).toMatch(/^application\/json/);
  });

  it('keeps supervisor and admin roles and drops the rest', async () => {
    fake.seedFlexToken('sup', { identity: 'sue', roles: ['supervisor', 'wfo.quality_process_manager'] });
    fake.seedFlexToken('admin', { identity: 'ada', roles: ['admin', 'agent'] });

    expect(await identity().verify('sup')).toEqual({ identity: 'sue', name: 'sue', roles: ['supervisor'] });
    expect(await identity().verify('admin')).toEqual({ identity: 'ada', name: 'ada', roles: ['admin', 'agent'] });
  });

  it('uses the auth token when there is no API key', async () => {
    fake.seedFlexToken('t', { identity: 'alex', roles: ['agent'] });
    const byAuthToken = new FlexIdentity({ accountSid: fake.accountSid, authToken: 'tok', env: fake.env });
    await byAuthToken.verify('t');
    expect(fake.requests[0].auth).toEqual({ present: true, username: fake.accountSid });
  });

  it.each([
    ['an unknown token', 'forged'],
    ['an empty token', ''],
  ])('refuses %s as unauthorized', async (_what, token) => {
    await expect(identity().verify(token)).rejects.toMatchObject({ kind: 'unauthorized', code: 'token_invalid' });
  });

  it('refuses an expired token as unauthorized', async () => {
    fake.seedFlexToken('old', { identity: 'alex', roles: ['agent'], expiresAt: new Date(Date.now() - 1000) });
    const error = await identity().verify('old').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('refuses a valid token without a staff role (a web chat guest) as forbidden', async () => {
    fake.seedFlexToken('guest', { identity: 'visitor', roles: ['guest'] });
    await expect(identity().verify('guest')).rejects.toMatchObject({ kind: 'forbidden', code: 'not_staff' });
  });

  it('maps an IAM error answer to unauthorized', async () => {
    fake.seedFlexToken('agent-token', { identity: 'alex', roles: ['agent'] });
    fake.failNext({ host: 'iam.twilio.com', status: 401, code: 20003, message: 'Authenticate' });
    await expect(identity().verify('agent-token')).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('maps an injected validator: results to identities, rejections (bare strings, like the library) to unauthorized', async () => {
    const ok = new FlexIdentity({ accountSid: 'AC1', authToken: 't', validate: async () => ({ valid: true, identity: 'w1', roles: ['agent'] }) });
    const bad = new FlexIdentity({ accountSid: 'AC1', authToken: 't', validate: () => Promise.reject('Unauthorized: token expired') });
    expect(await ok.verify('x')).toEqual({ identity: 'w1', name: 'w1', roles: ['agent'] });
    await expect(bad.verify('x')).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(fake.requests).toHaveLength(0);
  });
});
