/**
 * Picture-in-picture clips with real ffmpeg on synthetic tracks: one video stream at the screen's
 * own resolution, the camera's colour in the bottom-right corner above the screen's, the pause
 * between two recorded runs cut from the video and from the speech offsets alike, and camera-only
 * clips at the camera's own size.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryKeyRing } from '../../src/adapters/local/crypto/test-support/memory-key-ring';
import { FfmpegComposer } from '../../src/adapters/local/pipeline/ffmpeg-composer';
import type { LocalPipelineEvents } from '../../src/adapters/local/pipeline/local-events';
import { LocalComposer } from '../../src/adapters/local/pipeline/local-composer';
import type { ParticipantMedia } from '../../src/adapters/local/pipeline/local-media';
import type { TrackSource } from '../../src/domain/media';
import { isSealed, readStoredMedia } from '../support/read-stored-media';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'pip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ff = (args: string[]) => execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...args]);

/**
 * A solid-colour video track or an Opus tone, in containers janus-pp-rec writes: cameras as VP8
 * WebM, screens as H.264 Matroska (libvpx takes seconds per 720p input here; x264 a fraction).
 */
function track(name: string, source: TrackSource, seconds: number, offset: number, look = ''): ParticipantMedia {
  const ext = { microphone: 'opus', camera: 'webm', screen: 'mkv' }[source];
  const path = join(dir, `${name}.${ext}`);
  // Microphones in stereo, as janus-pp-rec hands over WebRTC's Opus (two identical channels).
  const codec = { microphone: ['-c:a', 'libopus', '-ac', '2'], camera: ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '300k'], screen: ['-c:v', 'libx264', '-preset', 'ultrafast'] }[source];
  const input = source === 'microphone' ? `sine=frequency=440:duration=${seconds}` : `color=c=${look}:r=15:d=${seconds}`;
  ff(['-f', 'lavfi', '-i', input, ...codec, path]);
  return { participantIdentity: 'customer:c1', role: 'customer', kind: source === 'microphone' ? 'audio' : 'video', source, path, startOffsetSeconds: offset };
}

const keys = memoryKeyRing();
/** The composed video is sealed at rest: its plaintext beside it, for ffprobe and ffmpeg. */
function plain(stored: string): string {
  const out = `${stored}.plain.mp4`;
  writeFileSync(out, readStoredMedia(stored, keys));
  return out;
}

const probe = (path: string) =>
  JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,width,height,channels:format=duration', '-of', 'json', path], { encoding: 'utf8' })) as {
    streams: { codec_type: string; width?: number; height?: number; channels?: number }[];
    format: { duration: string };
  };

/** One decoded frame at `seconds` as RGB, and a reader for the pixel at (x, y). */
function frameAt(path: string, seconds: number, width: number) {
  const rgb = execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-ss', String(seconds), '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 << 20 });
  return (x: number, y: number): [number, number, number] => {
    const i = (y * width + x) * 3;
    return [rgb[i], rgb[i + 1], rgb[i + 2]];
  };
}

/** Within a codec's tolerance of the colour (H.264 + yuv420p shifts solid colours a little). */
const near = (got: [number, number, number], want: [number, number, number]) => got.every((c, i) => Math.abs(c - want[i]) <= 24);

const RED: [number, number, number] = [255, 0, 0];
const BLUE: [number, number, number] = [0, 0, 255];
const GREEN: [number, number, number] = [0, 255, 0];
const YELLOW: [number, number, number] = [255, 255, 0];

describe('picture-in-picture composition', () => {
  const composer = new FfmpegComposer({ dataDir: dir, mediaKeys: keys });

  it('a paused screen + camera clip: screen resolution, camera in the corner, pause cut', async () => {
    // Run 1 (0–3 s): blue screen, red camera, tone. Paused 3–6 s. Run 2 (6–8 s): lime-green screen, yellow camera.
    const media = [
      track('cam1', 'camera', 3, 0, 'red@1:s=320x240'),
      track('mic1', 'microphone', 3, 0.02),
      track('screen1', 'screen', 3, 0.05, 'blue@1:s=1280x720'),
      track('cam2', 'camera', 2, 6, 'yellow@1:s=320x240'),
      track('mic2', 'microphone', 2, 6.03),
      track('screen2', 'screen', 2, 6.04, 'lime@1:s=1280x720'),
    ];
    const t0 = performance.now();
    const out = await composer.compose('REpip1', media, 'pip');
    const took = performance.now() - t0;

    expect(isSealed(out.location)).toBe(true);
    const video = plain(out.location);
    const info = probe(video);
    const videos = info.streams.filter((s) => s.codec_type === 'video');
    expect(videos).toEqual([{ codec_type: 'video', width: 1280, height: 720 }]);
    // One author's voice, in mono (the stereo WebRTC hands over is two identical channels).
    expect(info.streams.filter((s) => s.codec_type === 'audio')).toEqual([{ codec_type: 'audio', channels: 1 }]);
    // 3.05 s of run 1 + 2.04 s of run 2, not the 8 s of wall time.
    expect(out.durationSeconds).toBeCloseTo(5.09, 1);
    expect(Number(info.format.duration)).toBeLessThan(5.6);

    // Camera: 320 px wide (a quarter of 1280), 240 high, 20 px from the right and bottom: x 940–1259, y 460–699.
    const during1 = frameAt(video, 1.5, 1280);
    expect(near(during1(1100, 580), RED)).toBe(true);
    expect(near(during1(945, 465), RED)).toBe(true);
    expect(near(during1(1255, 695), RED)).toBe(true);
    expect(near(during1(400, 300), BLUE)).toBe(true);
    expect(near(during1(930, 580), BLUE)).toBe(true); // just left of the camera
    expect(near(during1(1100, 450), BLUE)).toBe(true); // just above it
    expect(near(during1(1270, 710), BLUE)).toBe(true); // in the margin
    // 3.6 s into the clip is 0.55 s into run 2: the pause left no black or frozen stretch.
    const during2 = frameAt(video, 3.6, 1280);
    expect(near(during2(400, 300), GREEN)).toBe(true);
    expect(near(during2(1100, 580), YELLOW)).toBe(true);
    console.log(`pip composition of 5 s (6 tracks): ${took.toFixed(0)} ms`);
  });

  it('camera alone fills the frame at its own resolution', async () => {
    const media = [track('solo-cam', 'camera', 2, 0, 'red@1:s=640x480'), track('solo-mic', 'microphone', 2, 0)];
    const out = await composer.compose('REpip2', media, 'pip');
    const video = plain(out.location);
    expect(probe(video).streams.filter((s) => s.codec_type === 'video')).toEqual([{ codec_type: 'video', width: 640, height: 480 }]);
    const px = frameAt(video, 1, 640);
    for (const [x, y] of [[5, 5], [320, 240], [634, 474]]) expect(near(px(x, y), RED)).toBe(true);
  });

  it('LocalComposer moves speech offsets with the trimmed video for pip, and not for grid', async () => {
    const media = [
      track('lc-cam1', 'camera', 2, 0, 'red@1:s=320x240'),
      track('lc-mic1', 'microphone', 2, 0.01),
      track('lc-cam2', 'camera', 2, 5, 'red@1:s=320x240'),
      track('lc-mic2', 'microphone', 2, 5.01),
    ];
    const ready: { compositionId: string; durationSeconds?: number }[] = [];
    const work: Promise<unknown>[] = [];
    const events = {
      compositionReady: (e: { compositionId: string; durationSeconds?: number }) => ready.push(e),
      compositionFailed: (e: unknown) => {
        throw new Error(`composition failed: ${JSON.stringify(e)}`);
      },
      track: (w: Promise<unknown>) => work.push(w),
    } as unknown as LocalPipelineEvents;
    const local = new LocalComposer({ dataDir: dir, mediaKeys: keys, source: { prepare: async () => ({ media, leftOut: [] }) }, grid: composer, events });

    const pip = await local.start({ name: 'clip-1', sid: '1' }, 'REpip3', { layout: 'pip' });
    expect(pip.speech.map((s) => s.startOffsetSeconds)).toEqual([0.01, expect.closeTo(2.01, 1)]);
    const grid = await local.start({ name: 'call-1', sid: '2' }, 'REgrid3');
    expect(grid.speech.map((s) => s.startOffsetSeconds)).toEqual([0.01, 5.01]);
    await Promise.all(work);
    const byId = Object.fromEntries(ready.map((r) => [r.compositionId, r.durationSeconds]));
    expect(byId['REpip3-video']).toBeCloseTo(4, 0);
    expect(byId['REgrid3-video']).toBeCloseTo(7, 0);
    // The clip's video is camera-only, at the camera's size; the call's is the 1280x720 grid.
    expect(probe(plain(composer.videoPath('REpip3'))).streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 320, height: 240 });
    expect(probe(plain(composer.videoPath('REgrid3'))).streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1280, height: 720 });
  });
});
