/**
 * A clip's pause and resume on the real Janus (Debian 1.1): one Chromium publisher (fake camera,
 * mic and screen) keeps publishing while JanusRooms.setRecording turns recording off and on. Proves
 * what the composer relies on: off closes every track's file, the pause records nothing, on opens a
 * new set of files with a new timestamp, and the picture-in-picture composition of the two runs
 * has the screen's resolution and no pause in it. Then discardRecordings leaves nothing on disk.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { MediaAccess } from '../../src/domain/escalation';
import { openDb, type Db } from '../../src/adapters/local/db';
import { newJanusCredentials } from '../../src/adapters/local/janus/janus-credentials';
import { startJanus, type RunningJanus } from '../../src/adapters/local/janus/janus-process';
import { attachJanusProxy, type JanusProxy } from '../../src/adapters/local/janus/janus-proxy';
import { janusProxyUrl } from '../../src/adapters/local/janus/janus-proxy-url';
import { JanusRooms } from '../../src/adapters/local/janus/janus-rooms';
import { JanusTrackRecordings } from '../../src/adapters/local/janus/janus-track-recordings';
import { parseRecordingFileName } from '../../src/adapters/local/janus/recording-files';
import { memoryKeyRing } from '../../src/adapters/local/crypto/test-support/memory-key-ring';
import { FfmpegComposer } from '../../src/adapters/local/pipeline/ffmpeg-composer';
import { JanusMediaSource } from '../../src/adapters/local/pipeline/janus-media-source';
import { mediaDuration } from '../../src/adapters/local/pipeline/probe';
import { launchParticipantBrowser, type ParticipantBrowser } from './support/browser-participant';
import type { StaticServer } from './support/browser-static-server';
import { makeFakeMedia } from './support/janus-fake-media';
import { serveJanusHarness } from './support/janus-harness';
import { plainCopy } from '../support/read-stored-media';

jest.setTimeout(120_000);

let dir: string;
let janus: RunningJanus | undefined;
let db: Db | undefined;
let rooms: JanusRooms | undefined;
let site: StaticServer | undefined;
let proxy: JanusProxy | undefined;
let browser: ParticipantBrowser | undefined;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'janus-toggle-'));
  const credentials = newJanusCredentials();
  janus = await startJanus({ dataDir: dir, credentials });
  site = await serveJanusHarness(join(dir, 'site'));
  proxy = attachJanusProxy(site.server, { publicBaseUrl: site.url, janusWsUrl: janus.wsUrl });
  db = openDb(join(dir, 'db.sqlite'));
  rooms = new JanusRooms({ wsUrl: janus.wsUrl, publicServerUrl: janusProxyUrl(site.url), credentials, db, recordingsDir: join(dir, 'recordings') });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await site?.close();
  await rooms?.close();
  await janus?.stop();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('recording off and on while publishing gives two runs of files, composed without the pause, then discarded', async () => {
  const room = await rooms!.createRoom({ name: 'clip-toggle', recording: true, maxParticipants: 1 });
  const roomDir = join(dir, 'recordings', 'clip-toggle');
  const access = await rooms!.grantAccess(room, { identity: 'customer:c-1', displayName: 'Customer', role: 'customer', ttlSeconds: 600 });
  browser = await launchParticipantBrowser(makeFakeMedia(dir, { name: 'author', seconds: 30 }));
  await browser.page.goto(site!.url);
  await browser.page.waitForFunction(() => !!window.harness);
  await browser.page.evaluate((a: MediaAccess) => window.harness.join(a), access);
  await browser.page.evaluate(() => window.harness.startScreenShare());

  const open = () => readdirSync(roomDir).filter((n) => n.endsWith('.mjr.tmp'));
  const closed = () => readdirSync(roomDir).filter((n) => n.endsWith('.mjr'));
  // Camera audio + video and the screen's video, each being written.
  await waitFor('three tracks recording', () => open().length === 3 && open().every((n) => statSync(join(roomDir, n)).size > 2000));
  await sleep(2500);

  const offAt = Date.now();
  await rooms!.setRecording(room, false);
  const run1 = await waitFor('run 1 closed', () => open().length === 0 && closed().length === 3 && closed());
  const sizes = () => run1.map((n) => statSync(join(roomDir, n)).size);
  const sizesAtPause = sizes();
  await sleep(3000);
  // Still publishing (still in the room), yet nothing is written during the pause.
  expect(await rooms!.connectedIdentities(room)).toEqual(['customer:c-1']);
  expect(sizes()).toEqual(sizesAtPause);
  expect(readdirSync(roomDir).sort()).toEqual([...run1].sort());

  const onAt = Date.now();
  await rooms!.setRecording(room, true);
  const run2Open = await waitFor('run 2 recording', () => open().length === 3 && open());
  await sleep(2500);
  await rooms!.setRecording(room, false); // a second toggle works the same way
  await waitFor('run 2 closed', () => open().length === 0 && closed().length === 6);
  await rooms!.endRoom(room);

  // Each run is a new set of files named with the time its recorder opened (µs, wall clock).
  const run2 = run2Open.map((n) => n.slice(0, -'.tmp'.length));
  const stamp = (n: string) => parseRecordingFileName(n)!.startedAtMicros / 1000;
  for (const n of run1) expect(stamp(n)).toBeLessThan(offAt);
  for (const n of run2) expect(stamp(n)).toBeGreaterThanOrEqual(onAt - 50);
  const key = (n: string) => {
    const p = parseRecordingFileName(n)!;
    return `${p.publisherId}-${p.kind}-${p.mindex}`;
  };
  expect(run2.map(key).sort()).toEqual(run1.map(key).sort());

  // The pipeline's view: two files per track, placed on the recording's timeline by first packet.
  const recordings = await new JanusTrackRecordings({ db: db!, recordingsDir: join(dir, 'recordings') }).list(room);
  expect(recordings.map((r) => `${r.kind}/${r.source}`).sort()).toEqual(['audio/microphone', 'audio/microphone', 'video/camera', 'video/camera', 'video/screen', 'video/screen']);
  const source = new JanusMediaSource(new JanusTrackRecordings({ db: db!, recordingsDir: join(dir, 'recordings') }), { dataDir: dir });
  const { media } = await source.prepare(room, 'REtoggle');
  const spans = await Promise.all(media.map(async (m) => ({ m, start: m.startOffsetSeconds, end: m.startOffsetSeconds + (await mediaDuration(m.path)) })));
  const first = spans.filter((s) => run1.some((n) => s.m.recordedFrom!.endsWith(n)));
  const second = spans.filter((s) => run2.some((n) => s.m.recordedFrom!.endsWith(n)));
  const run1End = Math.max(...first.map((s) => s.end));
  const run2Start = Math.min(...second.map((s) => s.start));
  const measuredPause = run2Start - run1End;
  console.log(
    'janus enable_recording toggle, files per run:\n' +
      spans.map((s) => `  ${s.m.kind}/${s.m.source} ${s.start.toFixed(3)}–${s.end.toFixed(3)} s  ${s.m.recordedFrom!.split('/').pop()}`).join('\n') +
      `\n  pause on the timeline ${measuredPause.toFixed(2)} s (off→on ${(onAt - offAt) / 1000} s)`,
  );
  expect(measuredPause).toBeGreaterThan(2.5);

  // The picture-in-picture clip: the screen's own resolution, the two runs back to back.
  const mediaKeys = memoryKeyRing();
  const composer = new FfmpegComposer({ dataDir: dir, mediaKeys });
  const screenSize = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0:s=x', media.find((m) => m.source === 'screen')!.path], { encoding: 'utf8' }).trim();
  const t0 = performance.now();
  const clip = await composer.compose('REtoggle', media, 'pip');
  const composeMs = performance.now() - t0;
  const plain = plainCopy(clip.location, mediaKeys); // sealed at rest
  const outSize = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=width,height', '-of', 'csv=p=0:s=x', plain.path], { encoding: 'utf8' }).trim();
  plain.cleanup();
  expect(outSize).toBe(screenSize.replace(/^(\d+)x(\d+)$/, (_, w: string, h: string) => `${Math.floor(Number(w) / 2) * 2}x${Math.floor(Number(h) / 2) * 2}`));
  const recorded = run1End - Math.min(...first.map((s) => s.start)) + (Math.max(...second.map((s) => s.end)) - run2Start);
  expect(clip.durationSeconds).toBeCloseTo(recorded, 1);
  expect(clip.durationSeconds).toBeLessThan(Math.max(...spans.map((s) => s.end)) - 2.5);
  console.log(`pip of ${clip.durationSeconds} s (${outSize}) composed in ${composeMs.toFixed(0)} ms`);

  // Retake: everything the room recorded is gone, twice over; the neighbouring folders stay.
  await rooms!.discardRecordings(room);
  await rooms!.discardRecordings(room);
  expect(existsSync(roomDir)).toBe(false);
  expect(existsSync(join(dir, 'recordings'))).toBe(true);
});
