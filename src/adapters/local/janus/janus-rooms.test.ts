/** Integration: real Janus (Debian package) started per suite; no media, control plane only. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../db';
import { JanusControl } from './janus-control';
import { newJanusCredentials } from './janus-credentials';
import { startJanus, type RunningJanus } from './janus-process';
import { JanusRooms } from './janus-rooms';

jest.setTimeout(30_000);

let dir: string;
let janus: RunningJanus;
let db: Db;
let rooms: JanusRooms;
let probe: JanusControl;
const credentials = newJanusCredentials();
const publicServerUrl = 'ws://127.0.0.1:3999/janus';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'janus-rooms-'));
  janus = await startJanus({ dataDir: dir, credentials });
  db = openDb(join(dir, 'db.sqlite'));
  rooms = new JanusRooms({ wsUrl: janus.wsUrl, publicServerUrl, credentials, db, recordingsDir: join(dir, 'recordings') });
  probe = new JanusControl({ wsUrl: janus.wsUrl, apiSecret: credentials.apiSecret });
});

afterAll(async () => {
  await rooms?.close();
  await probe?.close();
  await janus?.stop();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Joins as a bare publisher (no media) the way a browser does: token + pre-assigned id. */
async function joinAs(room: string, id: number, token?: string): Promise<Record<string, unknown>> {
  return probe.request({ request: 'joinandconfigure', ptype: 'publisher', room: Number(room), id, token, display: 'x' }).catch((e: Error) => ({ error: e.message }));
}

test('create, grant, list, kick, end (idempotent)', async () => {
  const room = await rooms.createRoom({ name: 'esc-test-1', recording: true, maxParticipants: 2 });
  expect(room.sid).toMatch(/^\d+$/);
  // Creating again (a retried request) returns the same room.
  expect(await rooms.createRoom({ name: 'esc-test-1', recording: true, maxParticipants: 2 })).toEqual(room);

  const access = await rooms.grantAccess(room, { identity: 'customer:c1', displayName: 'Customer', role: 'customer', ttlSeconds: 60 });
  expect(access).toMatchObject({ provider: 'janus', roomSid: room.sid, serverUrl: publicServerUrl, identity: 'customer:c1' });
  // Janus's signed token for the core API, expiring with the grant, good for the videoroom only.
  const expiry = Math.floor(Date.parse(access.expiresAt) / 1000);
  expect(access.serverToken).toMatch(new RegExp(`^${expiry},janus,janus\\.plugin\\.videoroom:[A-Za-z0-9+/]+=*$`));
  expect(access.publisherIds!.camera).not.toEqual(access.publisherIds!.screen);
  expect(access.token.length).toBeGreaterThan(20);

  expect(await rooms.connectedIdentities(room)).toEqual([]);
  // Without the granted token the room refuses; with it the join works.
  expect(await joinAs(room.sid, access.publisherIds!.camera, 'wrong')).toHaveProperty('error');
  const joined = await joinAs(room.sid, access.publisherIds!.camera, access.token);
  expect(joined).toMatchObject({ videoroom: 'joined', id: access.publisherIds!.camera });
  expect(await rooms.connectedIdentities(room)).toEqual(['customer:c1']);

  await rooms.removeParticipant(room, 'customer:c1');
  expect(await rooms.connectedIdentities(room)).toEqual([]);
  // The removed grant's token is revoked.
  expect(await joinAs(room.sid, access.publisherIds!.camera, access.token)).toHaveProperty('error');
  await rooms.removeParticipant(room, 'customer:nobody');

  await rooms.endRoom(room);
  await rooms.endRoom(room);
  expect(await rooms.connectedIdentities(room)).toEqual([]);
  await expect(rooms.grantAccess({ name: 'nope', sid: '1' }, { identity: 'a', displayName: 'a', role: 'agent', ttlSeconds: 1 })).rejects.toThrow(/Unknown/);
});

test('expired grants are taken off the allowed list at the next grant', async () => {
  let now = new Date('2030-01-01T00:00:00Z');
  const timed = new JanusRooms({ wsUrl: janus.wsUrl, publicServerUrl, credentials, db, recordingsDir: join(dir, 'recordings'), now: () => now });
  try {
    const room = await timed.createRoom({ name: 'esc-test-3', recording: false, maxParticipants: 2 });
    const old = await timed.grantAccess(room, { identity: 'customer:old', displayName: 'Old', role: 'customer', ttlSeconds: 60 });
    now = new Date(now.getTime() + 120_000);
    await timed.grantAccess(room, { identity: 'agent:a', displayName: 'A', role: 'agent', ttlSeconds: 60 });
    expect(await joinAs(room.sid, old.publisherIds!.camera, old.token)).toHaveProperty('error');
    await timed.endRoom(room);
  } finally {
    await timed.close();
  }
});

test('reconnects after the control connection drops', async () => {
  const room = await rooms.createRoom({ name: 'esc-test-2', recording: false, maxParticipants: 2 });
  await rooms.close(); // as if the socket had gone away
  expect(await rooms.connectedIdentities(room)).toEqual([]);
  await rooms.endRoom(room);
});
