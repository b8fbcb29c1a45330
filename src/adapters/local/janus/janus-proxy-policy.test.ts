import { JANUS_REQUEST, VIDEOROOM_PLUGIN, VIDEOROOM_REQUEST } from '../../../client/janus/janus-protocol';
import { JanusProxyPolicy, JoinedRooms } from './janus-proxy-policy';

const ROOM = 1234;
const SESSION = 77;
const HANDLE = 88;

function connection(rooms = new JoinedRooms()) {
  const policy = new JanusProxyPolicy(rooms);
  const send = (message: unknown) => policy.fromBrowser(typeof message === 'string' ? message : JSON.stringify(message));
  const hear = (message: unknown) => policy.fromJanus(JSON.stringify(message));
  const message = (body: Record<string, unknown>, handle = HANDLE, session = SESSION) =>
    send({ janus: 'message', session_id: session, handle_id: handle, transaction: 'tx', token: 't', body });
  return { policy, rooms, send, hear, message };
}

/** A connection whose session was created by this socket. */
function withSession(rooms?: JoinedRooms) {
  const c = connection(rooms);
  c.send({ janus: 'create', transaction: 'c1', token: 't' });
  c.hear({ janus: 'success', transaction: 'c1', data: { id: SESSION } });
  return c;
}

const refused = { reply: { janus: 'error', transaction: 'tx', session_id: SESSION, error: { code: 403 } } };

test('forwards the requests the browser client sends', () => {
  const c = withSession();
  for (const request of ['join', 'publish', 'configure', 'start', 'update', 'leave']) {
    expect(c.message({ request, room: ROOM })).toMatchObject({ forward: { janus: 'message', body: { request } } });
  }
  for (const janus of ['keepalive', 'attach', 'detach', 'trickle', 'claim', 'destroy']) {
    const verdict = c.send({ janus, session_id: SESSION, plugin: 'janus.plugin.videoroom', transaction: 'x' });
    expect(verdict).toHaveProperty('forward');
  }
});

// The client and the allow-list share janus-protocol.ts: a request the client names that the proxy
// would refuse fails here, so it is decided on in janus-proxy-policy.ts rather than found in a call.
test('forwards every request named in the protocol module the client sends from', () => {
  const c = withSession();
  for (const request of Object.values(VIDEOROOM_REQUEST)) {
    // The handle has joined (a leave before forgets it): listparticipants is let through then.
    c.hear({ janus: 'event', session_id: SESSION, sender: HANDLE, plugindata: { data: { videoroom: 'joined', room: ROOM } } });
    expect(c.message({ request, room: ROOM })).toHaveProperty('forward');
  }
  for (const janus of Object.values(JANUS_REQUEST)) {
    const verdict = c.send({ janus, session_id: SESSION, handle_id: HANDLE, plugin: VIDEOROOM_PLUGIN, transaction: 'x', body: { request: 'leave' } });
    expect(verdict).toHaveProperty('forward');
  }
});

test('answers every other videoroom request itself, without forwarding it', () => {
  const c = withSession();
  for (const request of ['create', 'destroy', 'edit', 'listparticipants', 'list', 'exists', 'allowed', 'kick', 'moderate', 'rtp_forward', 'stop_rtp_forward', 'enable_recording', 'listforwarders', 'joinandconfigure', undefined]) {
    expect(c.message({ request, room: ROOM })).toMatchObject(refused);
  }
  expect(c.send({ janus: 'message', session_id: SESSION, handle_id: HANDLE, transaction: 'tx' })).toMatchObject(refused);
});

test('refuses other core requests and other plugins, and non-JSON', () => {
  const c = connection();
  for (const janus of ['info', 'ping', 'hangup', 'add_token', 'list_sessions', 42]) {
    expect(c.send({ janus, transaction: 'tx' })).toMatchObject({ reply: { janus: 'error', error: { code: 403 } } });
  }
  expect(c.send({ janus: 'attach', session_id: 1, plugin: 'janus.plugin.echotest', transaction: 'tx' })).toMatchObject({ reply: { error: { code: 403 } } });
  expect(c.send('{nope')).toMatchObject({ reply: { janus: 'error', error: { code: 454 } } });
  expect(c.send('[1,2]')).toMatchObject({ reply: { janus: 'error', error: { code: 455 } } });
});

test('strips the server secrets, the room secret and the admin key from what it forwards', () => {
  const c = withSession();
  const verdict = c.send({
    janus: 'message',
    session_id: SESSION,
    handle_id: HANDLE,
    transaction: 'tx',
    token: 'keep-me',
    apisecret: 'x',
    admin_secret: 'x',
    body: { request: 'configure', secret: 'x', admin_key: 'x', apisecret: 'x', record: true, filename: '/tmp/evil' },
  });
  expect(verdict).toEqual({
    forward: { janus: 'message', session_id: SESSION, handle_id: HANDLE, transaction: 'tx', token: 'keep-me', body: { request: 'configure', record: true, filename: '/tmp/evil' } },
  });
});

test('listparticipants: only on the handle that joined that room, of a session this socket owns, until it leaves', () => {
  const c = withSession();
  expect(c.message({ request: 'listparticipants', room: ROOM })).toMatchObject(refused);
  c.hear({ janus: 'event', session_id: SESSION, sender: HANDLE, plugindata: { plugin: 'janus.plugin.videoroom', data: { videoroom: 'joined', room: ROOM, id: 5 } } });
  expect(c.message({ request: 'listparticipants', room: ROOM })).toHaveProperty('forward');
  expect(c.message({ request: 'listparticipants', room: ROOM + 1 })).toMatchObject(refused);
  expect(c.message({ request: 'listparticipants', room: ROOM }, HANDLE + 1)).toMatchObject(refused);
  expect(c.message({ request: 'listparticipants', room: String(ROOM) })).toMatchObject(refused);

  // Another socket naming this session and handle owns neither.
  const intruder = connection(c.rooms);
  expect(intruder.message({ request: 'listparticipants', room: ROOM })).toMatchObject(refused);
  // Unless it claimed the session (a reconnect), which Janus confirmed.
  const reconnected = connection(c.rooms);
  reconnected.send({ janus: 'claim', session_id: SESSION, transaction: 'cl', token: 't' });
  expect(reconnected.message({ request: 'listparticipants', room: ROOM })).toMatchObject(refused);
  reconnected.hear({ janus: 'success', session_id: SESSION, transaction: 'cl' });
  expect(reconnected.message({ request: 'listparticipants', room: ROOM })).toHaveProperty('forward');

  // Leaving, being kicked (Janus says leaving ok), or the room's end closes it again.
  c.hear({ janus: 'event', session_id: SESSION, sender: HANDLE, plugindata: { data: { videoroom: 'event', room: ROOM, leaving: 'ok', reason: 'kicked' } } });
  expect(c.message({ request: 'listparticipants', room: ROOM })).toMatchObject(refused);
  c.hear({ janus: 'event', session_id: SESSION, sender: HANDLE, plugindata: { data: { videoroom: 'joined', room: ROOM } } });
  c.message({ request: 'leave' });
  expect(c.message({ request: 'listparticipants', room: ROOM })).toMatchObject(refused);
  c.hear({ janus: 'event', session_id: SESSION, sender: HANDLE, plugindata: { data: { videoroom: 'joined', room: ROOM } } });
  c.hear({ janus: 'event', session_id: SESSION, sender: HANDLE, plugindata: { data: { videoroom: 'destroyed', room: ROOM } } });
  expect(c.message({ request: 'listparticipants', room: ROOM })).toMatchObject(refused);
});

test('a failed create or claim gives the socket no session; destroy and timeout forget it', () => {
  const c = connection();
  c.send({ janus: 'create', transaction: 'c1', token: 'bad' });
  c.hear({ janus: 'error', transaction: 'c1', error: { code: 403 } });
  expect(c.policy.sessions.size).toBe(0);
  c.send({ janus: 'claim', session_id: SESSION, transaction: 'c2', token: 't' });
  c.hear({ janus: 'ack', session_id: SESSION, transaction: 'c2' });
  c.hear({ janus: 'error', session_id: SESSION, transaction: 'c2', error: { code: 458 } });
  expect(c.policy.sessions.size).toBe(0);

  const d = withSession();
  d.hear({ janus: 'event', session_id: SESSION, sender: HANDLE, plugindata: { data: { videoroom: 'joined', room: ROOM } } });
  d.send({ janus: 'destroy', session_id: SESSION, transaction: 'x' });
  expect(d.policy.sessions.size).toBe(0);
  expect(d.rooms.size).toBe(0);
  const e = withSession();
  e.hear({ janus: 'event', session_id: SESSION, sender: HANDLE, plugindata: { data: { videoroom: 'joined', room: ROOM } } });
  e.hear({ janus: 'timeout', session_id: SESSION });
  expect(e.policy.sessions.size).toBe(0);
  expect(e.rooms.size).toBe(0);
});

describe('a silent monitor grant (monitor token)', () => {
  const MONITOR = 'monitor.secret';
  const offer = { type: 'offer', sdp: 'v=0' };

  test('may join as a publisher to hear of feeds, but never publish, configure or send an offer on that handle', () => {
    const c = withSession();
    expect(c.message({ request: 'join', ptype: 'publisher', room: ROOM, id: 5, token: MONITOR })).toHaveProperty('forward');
    for (const request of ['publish', 'configure', 'join', 'start', 'update']) {
      expect(c.message({ request, room: ROOM, audio: true })).toMatchObject(refused);
    }
    const withOffer = c.send({ janus: 'message', session_id: SESSION, handle_id: HANDLE, transaction: 'tx', body: { request: 'leave' }, jsep: offer });
    expect(withOffer).toMatchObject(refused);
    expect(c.message({ request: 'leave' })).toHaveProperty('forward');
    // The same session's other handles are untouched by it.
    expect(c.message({ request: 'publish' }, HANDLE + 1)).toHaveProperty('forward');
  });

  test('may not join with an offer (join-and-publish)', () => {
    const c = withSession();
    const verdict = c.send({ janus: 'message', session_id: SESSION, handle_id: HANDLE, transaction: 'tx', body: { request: 'join', ptype: 'publisher', room: ROOM, token: MONITOR }, jsep: offer });
    expect(verdict).toMatchObject(refused);
  });

  test('subscribes like anyone: start (with its answer), update, configure and leave go through', () => {
    const c = withSession();
    expect(c.message({ request: 'join', ptype: 'subscriber', room: ROOM, token: MONITOR, streams: [{ feed: 1 }] })).toHaveProperty('forward');
    const answer = c.send({ janus: 'message', session_id: SESSION, handle_id: HANDLE, transaction: 'tx', body: { request: 'start' }, jsep: { type: 'answer', sdp: 'v=0' } });
    expect(answer).toHaveProperty('forward');
    for (const request of ['update', 'configure', 'leave']) expect(c.message({ request })).toHaveProperty('forward');
  });

  test('an ordinary token on a fresh handle still publishes; a detached monitor handle is forgotten', () => {
    const c = withSession();
    expect(c.message({ request: 'join', ptype: 'publisher', room: ROOM, id: 5, token: 'ordinary' })).toHaveProperty('forward');
    expect(c.message({ request: 'publish' })).toHaveProperty('forward');
    c.message({ request: 'join', ptype: 'publisher', room: ROOM, token: MONITOR }, HANDLE + 2);
    expect(c.message({ request: 'publish' }, HANDLE + 2)).toMatchObject(refused);
    c.hear({ janus: 'detached', session_id: SESSION, sender: HANDLE + 2 });
    expect(c.rooms.monitorHandle(SESSION, HANDLE + 2)).toBeUndefined();
  });
});
