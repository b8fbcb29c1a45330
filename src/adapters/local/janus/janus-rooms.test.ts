/** Integration: real Janus (Debian package) started per suite; no media, control plane only. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Janus's own view of the room's recording switch (`list` shows private rooms to the admin key). */
async function recordFlag(sid: string): Promise<unknown> {
  const data = await probe.request({ request: 'list', admin_key: credentials.roomAdminKey });
  return (data.list as Array<{ room: number; record: unknown }>).find((r) => r.room === Number(sid))?.record;
}

test('setRecording turns Janus recording off and on again, twice', async () => {
  const room = await rooms.createRoom({ name: 'esc-test-rec', recording: true, maxParticipants: 1 });
  expect(await recordFlag(room.sid)).toBe(true);
  for (const on of [false, true, false, true]) {
    await rooms.setRecording(room, on);
    expect(await recordFlag(room.sid)).toBe(on);
  }
  await rooms.setRecording(room, true); // already on: no change, no error
  expect(await recordFlag(room.sid)).toBe(true);
  const unrecorded = await rooms.createRoom({ name: 'esc-test-norec', recording: false, maxParticipants: 1 });
  await expect(rooms.setRecording(unrecorded, true)).rejects.toThrow(/without recording/);
  await expect(rooms.setRecording({ name: 'esc-none', sid: '12345' }, false)).rejects.toThrow(/Unknown/);
  await rooms.endRoom(room);
  await rooms.endRoom(unrecorded);
});

test('discardRecordings deletes the room folder and nothing else, idempotently', async () => {
  const recordings = join(dir, 'recordings');
  const room = await rooms.createRoom({ name: 'esc-test-discard', recording: true, maxParticipants: 1 });
  const other = await rooms.createRoom({ name: 'esc-test-discard2', recording: true, maxParticipants: 1 });
  const roomDir = join(recordings, 'esc-test-discard');
  const otherDir = join(recordings, 'esc-test-discard2');
  const base = `videoroom-${room.sid}-user-7-1700000000000000`;
  const mine = [`${base}-audio-0.mjr`, `${base}-video-1.mjr.tmp`, `${base}-audio-0.live.json`, `${base}-audio-0.live.json.tmp-99`];
  for (const f of mine) writeFileSync(join(roomDir, f), 'x');
  mkdirSync(join(roomDir, 'nested'));
  writeFileSync(join(roomDir, 'nested', 'x'), 'x');
  const kept = [join(otherDir, `videoroom-${other.sid}-user-8-1700000000000000-audio-0.mjr`), join(recordings, 'esc-test-discard.mjr'), join(dir, 'beside.txt')];
  for (const f of kept) writeFileSync(f, 'keep');
  await rooms.endRoom(room);

  await rooms.discardRecordings(room);
  expect(existsSync(roomDir)).toBe(false);
  for (const f of kept) expect(readFileSync(f, 'utf8')).toBe('keep');
  // No hidden trash folder is left behind either.
  expect(readdirSync(recordings).filter((n) => n.includes('discard')).sort()).toEqual(['esc-test-discard.mjr', 'esc-test-discard2']);
  await rooms.discardRecordings(room); // again: nothing left, no error
  await rooms.discardRecordings({ name: 'esc-never-recorded', sid: 'x' });
  // Names that are not a room folder are refused, never resolved against the disk.
  for (const name of ['..', '../x', 'a/b', '.hidden', '']) await expect(rooms.discardRecordings({ name, sid: 'x' })).rejects.toThrow(/not usable/);
  expect(readFileSync(kept[2], 'utf8')).toBe('keep');
  await rooms.endRoom(other);
});
