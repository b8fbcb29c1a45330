/**
 * `npm run bench:clip`: how soon a recorded clip reaches the conversation, and how soon after that
 * it plays, measured on the user's path. The real local stack (Janus, Functions, SQLite) and one
 * Chromium with a fake camera, a human-speech fake microphone and Chromium's own automatic screen
 * capture: the customer opens the recording link the agent offered, records screen + camera,
 * presses Stop; Send is pressed the moment it is enabled.
 *
 *   clip_stop_to_message_ms_<n>s     Stop click → the clip message in the conversation (the store)
 *   clip_stop_to_send_enabled_ms_<n>s, clip_send_to_message_ms_<n>s   its two parts
 *   clip_stop_to_playable_ratio_<n>s Stop → the message has the video and its MP4 is fetched (200,
 *                                    valid duration), divided by the clip's length
 *   clip_ffmpeg_floor_ratio_<n>s     the same composition done by bare janus-pp-rec + one ffmpeg run
 *                                    on the same raw recordings, divided by the clip's length
 *   clip_playable_vs_floor_ratio_<n>s  Stop → playable ÷ that floor: what the product adds
 *   clip_mb_per_min_screen / _camera (+ _legacy)  the clip's tracks composed again with the current
 *                                    encoding profile and the settings from before (clip-encodings.ts)
 *   clip_screen_ssim_new / _old      their fidelity to the uncompressed composition
 *   storage_usd_month_at_seed_volume 100 video tickets a month × 2 clips × 2.5 min, kept 90 days
 *
 * For `n` ≥ the cap (CLIP_MAX_SECONDS, 180) the take is stopped 3 s before the cap, by hand, so the
 * figure times a Stop click and not the server's cut-off. Samples go to stderr, figures to stdout.
 */
import '../tests/support/quiet-logs';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFakeMedia } from '../tests/e2e/support/janus-fake-media';
import { twoSpeakerClips, writeFakeMicWav } from '../tests/e2e/support/speech-clips';
import { startTestStack } from '../tests/support/test-stack';
import { launchBenchBrowser } from './support/bench-browser';
import { recordClip, type ClipSample } from './support/clip-take';
import { compareClipEncodings, type ClipEncodings } from './support/clip-encodings';
import { clipSizeFigures } from './support/clip-size-figures';
import { ffmpegFloor } from './support/ffmpeg-floor';
import { figureLine } from './support/figures';
import { pipelineSteps } from './support/pipeline-log';

const log = (line: string): void => void process.stderr.write(`bench:clip ${line}\n`);
const CLIPS = (process.env.BENCH_CLIPS ?? '30,180').split(',').map(Number);
const CAP_MARGIN_SECONDS = 3;
/** BENCH_KEEP=1 keeps the scratch folder: fake media, each clip's raw recordings, composition and fetched MP4, the floor's files. */
const KEEP = process.env.BENCH_KEEP === '1';
/** Chromium picks the whole (headless, 1280×720) screen by itself: no picker to click. */
const SCREEN_CAPTURE_ARGS = ['--auto-select-desktop-capture-source=Entire screen', '--enable-usermedia-screen-capturing'];
const ms = (n: number) => `${n.toFixed(0)} ms`;

function describe(n: number, s: ClipSample): string[] {
  const at = (t: number) => `+${ms(t - (s.marks.stopClick as number))}`;
  const calls = s.calls
    .filter((c) => c.action === 'stop' || c.action === 'send')
    .map((c) => `POST /clip ${c.action} sent ${at(c.sentAt)}, answered ${at(c.answeredAt)} (${ms(c.answeredAt - c.sentAt)})`);
  return [
    `clip ${n} s: recorded ${s.recordedSeconds} s, composed video ${s.videoSeconds.toFixed(2)} s, ${(s.videoBytes / 1e6).toFixed(1)} MB; job ${s.jobState}`,
    `  Stop click (page clock; the bench asked Playwright ${ms((s.marks.stopClick as number) - s.stopAskedAt)} earlier)`,
    ...calls.map((c) => `  ${c}`),
    `  review screen ${at(s.marks.reviewShown as number)}; Send enabled ${at(s.marks.sendEnabled as number)}; Send clicked ${at(s.marks.sendClick as number)}`,
    `  clip message in the store ${at((s.marks.stopClick as number) + s.stopToMessageMs)}; on the agent's SSE feed ${at((s.marks.stopClick as number) + s.stopToFeedMs)}`,
    `  "Your clip was sent" page ${at(s.marks.sentPage as number)}`,
    `  message updated with the video ${at((s.marks.stopClick as number) + s.stopToVideoMessageMs)}; MP4 fetched (200) ${at((s.marks.stopClick as number) + s.stopToPlayableMs)}`,
    `  transcript attached ${at((s.marks.stopClick as number) + s.stopToTranscriptMs)}`,
  ];
}

async function run(cleanups: (() => Promise<void>)[], failed: () => boolean): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 've-bench-clip-'));
  cleanups.push(async () => {
    if (KEEP) log(`scratch folder kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });
  // The customer talks through the whole clip: a LibriVox turn, a short breath, again (Chromium loops the file).
  const [speech] = twoSpeakerClips();
  const turn = join(work, 'turn.wav');
  await writeFakeMicWav([speech], turn, 0.5);
  execFileSync('sox', ['-D', turn, join(work, 'customer.wav'), 'pad', '0', '1.5']);
  const camera = makeFakeMedia(work, { name: 'customer', pattern: 'smptebars', seconds: 10 }).videoFile;

  const stack = await startTestStack({ LOG_LEVEL: 'info' });
  cleanups.push(() => stack.close());
  // Pushed after close(), so it runs first: a failed run keeps the stack's logs.
  cleanups.push(async () => {
    if (!failed()) return;
    const kept = mkdtempSync(join(tmpdir(), 've-bench-clip-logs-'));
    cpSync(join(stack.dataDir, 'logs'), kept, { recursive: true });
    log(`stack logs kept in ${kept}`);
  });
  const customer = await launchBenchBrowser({ videoFile: camera, audioFile: join(work, 'customer.wav'), extraArgs: SCREEN_CAPTURE_ARGS });
  cleanups.push(() => customer.close());
  await customer.page.addInitScript({ path: join(__dirname, 'support', 'clip-probe.js') });
  const agentToken = await stack.signIn();
  const cap = stack.config.CLIP_MAX_SECONDS;
  log(`stack on ${stack.url}; clips ${CLIPS.join(', ')} s (cap ${cap} s); the clip message is watched in the stack's store (SQLite, polled every 5 ms) and on the agent's SSE feed`);

  let longest: { seconds: number; encodings: ClipEncodings } | null = null;
  for (const [i, n] of CLIPS.entries()) {
    const hold = n >= cap ? cap - CAP_MARGIN_SECONDS : n;
    log(`clip ${i + 1}: ${n} s${hold !== n ? ` (Stop pressed at ${hold} s of the ${cap} s cap)` : ''} …`);
    const s = await recordClip(stack, customer.page, agentToken, i + 1, hold * 1000, work);
    // Other work on the machine slows the pipeline: say how busy it was (1-minute load average).
    log(`  load average at the end of clip ${i + 1}: ${loadavg()[0].toFixed(2)} (2 cores)`);
    for (const line of describe(n, s)) log(line);
    for (const step of pipelineSteps(stack.dataDir, s.recordingId, s.marks.stopClick as number)) log(`  pipeline: ${step}`);

    if (KEEP) {
      // For looking at where the time went afterwards: the raw recordings and what the pipeline made.
      cpSync(join(stack.dataDir, 'recordings'), join(work, `clip-${i + 1}-recordings`), { recursive: true });
      cpSync(join(stack.dataDir, 'compositions', s.recordingId), join(work, `clip-${i + 1}-composition`), { recursive: true });
    }
    const floorDir = join(work, `floor-${i + 1}`);
    mkdirSync(floorDir);
    const floor = await ffmpegFloor(stack.dataDir, s.recordingId, s.videoSeconds, floorDir);
    log(
      `  floor (same raw recordings, nothing else running): janus-pp-rec ${ms(floor.convertMs)} + ffmpeg ${ms(floor.encodeMs)} = ${ms(floor.totalMs)}; ` +
        `its video ${floor.durationSeconds.toFixed(2)} s`,
    );

    console.log(figureLine(`clip_stop_to_message_ms_${n}s`, s.stopToMessageMs, 'ms'));
    console.log(figureLine(`clip_stop_to_send_enabled_ms_${n}s`, s.stopToSendEnabledMs, 'ms'));
    console.log(figureLine(`clip_send_to_message_ms_${n}s`, s.sendToMessageMs, 'ms'));
    console.log(figureLine(`clip_stop_to_playable_ms_${n}s`, s.stopToPlayableMs, 'ms'));
    console.log(figureLine(`clip_stop_to_playable_ratio_${n}s`, s.stopToPlayableMs / 1000 / s.videoSeconds, 'ratio'));
    console.log(figureLine(`clip_ffmpeg_floor_ratio_${n}s`, floor.totalMs / 1000 / s.videoSeconds, 'ratio'));
    console.log(figureLine(`clip_playable_vs_floor_ratio_${n}s`, s.stopToPlayableMs / floor.totalMs, 'ratio'));

    // After the timed part: the same tracks encoded with the current and the old settings.
    const encodingsDir = join(work, `encodings-${i + 1}`);
    mkdirSync(encodingsDir);
    const encodings = await compareClipEncodings(stack.dataDir, s.recordingId, s.videoSeconds, encodingsDir);
    log(`  product's own composition: ${(s.videoBytes / 1e6).toFixed(2)} MB for ${s.videoSeconds.toFixed(2)} s`);
    for (const e of [encodings.screen.current, encodings.screen.legacy, encodings.camera.current, encodings.camera.legacy]) {
      const ssim = e.ssimFrame === undefined ? '' : `, SSIM ${e.ssimFrame.toFixed(4)} (top band ${(e.ssimTopBand as number).toFixed(4)})`;
      log(`  re-encoded ${e === encodings.camera.current || e === encodings.camera.legacy ? 'camera only' : 'screen + camera'} with ${e.profile}: ${(e.bytes / 1e6).toFixed(2)} MB, ${e.mbPerMinute.toFixed(2)} MB/min, encode ${ms(e.encodeMs)}${ssim}`);
    }
    for (const line of clipSizeFigures(encodings, `_${n}s`)) console.log(line);
    if (!longest || s.videoSeconds > longest.seconds) longest = { seconds: s.videoSeconds, encodings };
  }
  // The headline figures come from the longest clip: the closest to the workflow's 2.5 minutes.
  if (longest) for (const line of clipSizeFigures(longest.encodings, '', stack.config.STORAGE_PRICE_PER_GB_MONTH)) console.log(line);
}

async function main(): Promise<number> {
  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | null = null;
  let failed = false;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const stop of cleanups.reverse()) await stop().catch(() => undefined);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    await run(cleanups, () => failed);
    return 0;
  } catch (e) {
    failed = true;
    log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await cleanup();
  }
}

void main().then((code) => process.exit(code));
