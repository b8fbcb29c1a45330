/**
 * Two real Chromium participants (fake camera + mic from files) join one Janus VideoRoom through
 * JanusVideoClient: each receives the other's video and audio; a dropped socket recovers; a kick
 * shows 'replaced'; destroying the room shows 'ended'; recordings map to both identities.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MediaAccess } from '../../src/domain/escalation';
import { openDb, type Db } from '../../src/adapters/local/db';
import { newJanusCredentials } from '../../src/adapters/local/janus/janus-credentials';
import { startJanus, type RunningJanus } from '../../src/adapters/local/janus/janus-process';
import { attachJanusProxy, type JanusProxy } from '../../src/adapters/local/janus/janus-proxy';
import { janusProxyUrl } from '../../src/adapters/local/janus/janus-proxy-url';
import { JanusRooms } from '../../src/adapters/local/janus/janus-rooms';
import { JanusTrackRecordings } from '../../src/adapters/local/janus/janus-track-recordings';
import type { RoomRef } from '../../src/ports/rooms';
import { launchParticipantBrowser, type ParticipantBrowser } from './support/browser-participant';
import type { StaticServer } from './support/browser-static-server';
import { makeFakeMedia } from './support/janus-fake-media';
import { serveJanusHarness } from './support/janus-harness';
import type { HarnessEvent, MediaSnapshot } from './support/janus-harness/harness';

jest.setTimeout(120_000);

let dir: string;
let janus: RunningJanus | undefined;
let db: Db | undefined;
let rooms: JanusRooms | undefined;
let site: StaticServer | undefined;
let proxy: JanusProxy | undefined;
const browsers: ParticipantBrowser[] = [];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

const snapshot = (page: Page): Promise<MediaSnapshot> => page.evaluate(() => window.harness.snapshot());
const events = (page: Page): Promise<HarnessEvent[]> => page.evaluate(() => window.harness.events());
const hasEvent = async (page: Page, type: string, detail?: unknown): Promise<boolean> =>
  (await events(page)).some((e) => e.type === type && (detail === undefined || e.detail === detail));

async function participant(name: string, pattern: 'testsrc' | 'smptebars'): Promise<Page> {
  const media = makeFakeMedia(dir, { name, pattern });
  const b = await launchParticipantBrowser(media);
  browsers.push(b);
  b.page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[${name}] ${m.text()}`);
  });
  await b.page.goto(site!.url);
  await b.page.waitForFunction(() => !!window.harness);
  return b.page;
}

/** Remote video renders and keeps decoding, remote audio bytes keep arriving. */
async function expectMediaFlowing(page: Page, label: string): Promise<void> {
  let last: MediaSnapshot | null = null;
  const first = await waitFor(`${label}: remote video and audio`, async () => {
    const s = (last = await snapshot(page));
    return s.videos.some((v) => v.videoWidth > 0) && s.inboundAudioBytes > 0 ? s : null;
  }).catch(async (e: Error) => {
    throw new Error(`${e.message}\nlast snapshot: ${JSON.stringify(last)}\nevents: ${JSON.stringify(await events(page))}`);
  });
  await sleep(1500);
  const second = await snapshot(page);
  expect(second.videos.find((v) => v.videoWidth > 0)?.videoWidth).toBeGreaterThan(0);
  expect(second.inboundVideoFramesDecoded).toBeGreaterThan(first.inboundVideoFramesDecoded);
  expect(Math.max(...second.videos.map((v) => v.totalVideoFrames))).toBeGreaterThan(Math.max(...first.videos.map((v) => v.totalVideoFrames)));
  expect(second.inboundAudioBytes).toBeGreaterThan(first.inboundAudioBytes);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'janus-e2e-'));
  const credentials = newJanusCredentials();
  janus = await startJanus({ dataDir: dir, credentials });
  site = await serveJanusHarness(join(dir, 'site'));
  // The browsers reach Janus as in the stack: through the filtering proxy on the page's own origin.
  proxy = attachJanusProxy(site.server, { publicBaseUrl: site.url, janusWsUrl: janus.wsUrl });
  db = openDb(join(dir, 'db.sqlite'));
  rooms = new JanusRooms({ wsUrl: janus.wsUrl, publicServerUrl: janusProxyUrl(site.url), credentials, db, recordingsDir: join(dir, 'recordings') });
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await proxy?.close();
  await site?.close();
  await rooms?.close();
  await janus?.stop();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('two browsers see and hear each other; drop, kick and end are reported', async () => {
  const room: RoomRef = await rooms!.createRoom({ name: 'esc-e2e', recording: true, maxParticipants: 2 });
  const agentAccess = await rooms!.grantAccess(room, { identity: 'agent:alex', displayName: 'Alex (Agent)', role: 'agent', ttlSeconds: 600 });
  const customerAccess = await rooms!.grantAccess(room, { identity: 'customer:c-1', displayName: 'Customer', role: 'customer', ttlSeconds: 600 });

  const [agent, customer] = await Promise.all([participant('agent', 'testsrc'), participant('customer', 'smptebars')]);
  await agent.evaluate((a: MediaAccess) => window.harness.join(a), agentAccess);
  await customer.evaluate((a: MediaAccess) => window.harness.join(a), customerAccess);

  await Promise.all([expectMediaFlowing(agent, 'agent'), expectMediaFlowing(customer, 'customer')]);
  const seenByAgent = (await snapshot(agent)).remoteParticipants;
  expect(seenByAgent).toEqual([
    { identity: 'customer:c-1', displayName: 'Customer', role: 'customer', tracks: expect.arrayContaining(['customer:c-1:camera', 'customer:c-1:microphone']) },
  ]);
  expect((await snapshot(customer)).remoteParticipants.map((p) => p.identity)).toEqual(['agent:alex']);
  expect((await rooms!.connectedIdentities(room)).sort()).toEqual(['agent:alex', 'customer:c-1']);
  await waitFor('network quality level', async () => (await events(agent)).some((e) => e.type === 'networkQuality' && Number(e.detail) >= 3));

  // A dropped WebSocket: reconnecting, then reconnected with the same session; media keeps flowing.
  await agent.evaluate(() => window.harness.dropSocket());
  await waitFor('agent reconnected', () => hasEvent(agent, 'reconnected'));
  expect(await hasEvent(agent, 'reconnecting')).toBe(true);
  expect(await agent.evaluate(() => window.harness.state())).toBe('connected');
  await expectMediaFlowing(agent, 'agent after reconnect');

  // Mute is local; camera off/on swaps the track without renegotiating and video resumes.
  await customer.evaluate(() => window.harness.setMicrophoneEnabled(false));
  expect(await customer.evaluate(() => window.harness.local())).toMatchObject({ audioEnabled: false, videoEnabled: true });
  await customer.evaluate(() => window.harness.setMicrophoneEnabled(true));
  await customer.evaluate(() => window.harness.setCameraEnabled(false));
  expect(await customer.evaluate(() => window.harness.local())).toMatchObject({ videoEnabled: false });
  await customer.evaluate(() => window.harness.setCameraEnabled(true));
  await expectMediaFlowing(agent, 'agent after the customer camera came back');

  // Screen share is the customer's second publisher: the agent gets a 'screen' track, then loses it.
  await customer.evaluate(() => window.harness.startScreenShare());
  expect(await customer.evaluate(() => window.harness.local())).toMatchObject({ screenSharing: true });
  await waitFor('agent receives the screen', async () => (await snapshot(agent)).videos.some((v) => v.sid === 'customer:c-1:screen' && v.videoWidth > 0));
  await sleep(1000);
  await customer.evaluate(() => window.harness.stopScreenShare());
  await waitFor('agent drops the screen', () => hasEvent(agent, 'trackUnsubscribed', 'customer:c-1:screen'));
  expect((await snapshot(agent)).remoteParticipants[0].tracks).not.toContain('customer:c-1:screen');

  // The same link opened elsewhere: the server removes this customer, who is told why.
  await rooms!.removeParticipant(room, 'customer:c-1');
  await waitFor('customer told it was replaced', () => hasEvent(customer, 'disconnected', 'replaced'));
  await waitFor('agent sees the customer leave', () => hasEvent(agent, 'participantDisconnected', 'customer:c-1'));
  expect(await rooms!.connectedIdentities(room)).toEqual(['agent:alex']);

  // The call ends for everyone.
  await rooms!.endRoom(room);
  await waitFor('agent told the call ended', () => hasEvent(agent, 'disconnected', 'ended'));
  await rooms!.endRoom(room); // idempotent

  const recordings = await new JanusTrackRecordings({ db: db!, recordingsDir: join(dir, 'recordings') }).list(room);
  const summary = recordings.map((r) => `${r.participantIdentity}/${r.role}/${r.kind}/${r.source}`).sort();
  expect(summary).toEqual([
    'agent:alex/agent/audio/microphone',
    'agent:alex/agent/video/camera',
    'customer:c-1/customer/audio/microphone',
    'customer:c-1/customer/video/camera',
    'customer:c-1/customer/video/screen',
  ]);
  for (const r of recordings) {
    expect(statSync(r.path).size).toBeGreaterThan(1000);
    // A complete recording: janus-pp-rec reads its header and finds its codec.
    const header = JSON.parse(execFileSync('janus-pp-rec', ['--json', r.path], { encoding: 'utf8' }).trim().split('\n').pop()!) as { t: string; c: string };
    expect(header.c).toBe(r.kind === 'audio' ? 'opus' : 'vp8');
  }
});
