/**
 * The finishing step on the local back end, with real ffmpeg: a clip with a blur rectangle over
 * 2–6 s and a card number read at 3–4.5 s comes out blurred in those seconds only, silent in that
 * span only, is not playable until then, and leaves no unfinished copy on disk.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalFinisher } from '../../src/adapters/local/pipeline/local-finisher';
import { LocalPipelineEvents } from '../../src/adapters/local/pipeline/local-events';
import { recordingDir } from '../../src/adapters/local/pipeline/local-artifacts';
import type { ParticipantMedia } from '../../src/adapters/local/pipeline/local-media';
import { withFinishing } from '../../src/core/pipeline/finish/finishing-composer';
import { assertVideoFinished } from '../../src/core/pipeline/finish/playable';
import type { Clip } from '../../src/domain/clip';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { audioLevelDb, regionSharpness } from '../support/media-measure';
import { readStoredMedia } from '../support/read-stored-media';
import { PipelineHarness } from './support/harness';

jest.setTimeout(120_000);

const region = { x: 0.25, y: 0.25, width: 0.4, height: 0.4 };
const ff = (args: string[]) => execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...args]);

function media(dir: string): ParticipantMedia[] {
  const screen = join(dir, 'screen.mkv');
  const mic = join(dir, 'mic.opus');
  ff(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=15:duration=8,noise=alls=30:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast', screen]);
  ff(['-f', 'lavfi', '-i', 'sine=frequency=440:duration=8', '-c:a', 'libopus', '-ac', '2', mic]);
  const who = { participantIdentity: 'customer:c1', role: 'customer' as const, startOffsetSeconds: 0 };
  return [
    { ...who, kind: 'video', source: 'screen', path: screen },
    { ...who, kind: 'audio', source: 'microphone', path: mic },
  ];
}

/** Reads a card number at 3–4.5 s, with word timings, as a recogniser would report it. */
const cardEngine = {
  name: 'fake',
  transcribe: async () => {
    const digits = '4111 1111 1111 1111'.split(' ');
    const words = [
      { word: 'my', start: 2.2, end: 2.5 },
      { word: 'card', start: 2.5, end: 2.9 },
      ...digits.map((d, i) => ({ word: d, start: 3 + i * 0.375, end: 3 + (i + 1) * 0.375 })),
      { word: 'thanks', start: 5.2, end: 5.6 },
    ];
    return [{ start: 2.2, end: 5.6, text: words.map((w) => w.word).join(' '), words }];
  },
};

describe('finishing a clip locally (blur and muted card number)', () => {
  let h: PipelineHarness;
  afterEach(() => h?.close());

  it('burns in the blur, mutes the span, swaps the video and keeps it unplayable until then', async () => {
    h = await PipelineHarness.create([]);
    (h as unknown as { media: ParticipantMedia[] }).media.push(...media(h.dataDir));
    const p = h.pipeline({ engine: cardEngine });
    const events = new LocalPipelineEvents((what, e) => h.errors.push(`${what}: ${String(e)}`));
    const finisher = new LocalFinisher({ dataDir: h.dataDir, mediaKeys: h.mediaKeys, events });
    const clip = { id: 'clip1', annotations: [{ kind: 'blur', ...region, startSeconds: 2, endSeconds: 6 }] } as Partial<Clip> as Clip;
    p.deps.composer = withFinishing(p.deps.composer, finisher);
    p.deps.finishing = { finisher, clips: { get: async (id) => (id === 'clip1' ? clip : null) } };
    events.bind(p.deps);
    const seen: PipelineJob[] = [];
    const onPersisted = p.deps.onPersisted;
    p.deps.onPersisted = async (job) => {
      seen.push(job);
      await onPersisted?.(job);
    };

    await h.roomEnded(p, { ...h.event('clip-clip1-1'), escalationId: 'clip1', kind: 'clip', clip: { clipId: 'clip1', authorRole: 'customer', authorName: 'C', mode: 'screen', annotated: true } });
    const job = await h.waitFor('clip-clip1-1', (j) => j.state === 'attached' || j.state === 'failed');
    await p.idle();
    await events.idle();
    expect(h.errors).toEqual([]);
    expect(job.state).toBe('attached');
    expect(job.finish).toMatchObject({ status: 'finishing', plan: { annotations: [expect.objectContaining({ kind: 'blur' })] } });
    expect(job.finish?.plan?.muteSpans).toHaveLength(1);
    expect(job.video?.compositionId).toBe(job.finish?.finishId);
    // Until the finished video was in, no saved state of the job let anyone play it.
    for (const j of seen.filter((s) => s.finish && !(s.video?.status === 'ready' && s.video.compositionId === s.finish.finishId))) {
      expect(() => assertVideoFinished(j)).toThrow('still being prepared');
    }
    expect(seen.every((j) => !j.messageId || (j.video?.status === 'ready' && j.video.compositionId === j.finish?.finishId))).toBe(true);
    expect(seen.some((j) => j.finish?.status === 'waiting' && j.video?.status === 'pending')).toBe(true);

    // One video on disk: the finished one (sealed); no unfinished copy or scratch file remains.
    const dir = recordingDir(h.dataDir, job.recordingId);
    expect(readdirSync(dir).filter((f) => f.endsWith('.mp4'))).toEqual(['video.mp4']);
    const plain = join(h.dataDir, 'finished-plain.mp4');
    writeFileSync(plain, readStoredMedia(join(dir, 'video.mp4'), h.mediaKeys));

    const during = await regionSharpness(plain, 4, region);
    expect(during).toBeLessThan((await regionSharpness(plain, 1, region)) / 3);
    expect(during).toBeLessThan((await regionSharpness(plain, 7, region)) / 3);

    expect(await audioLevelDb(plain, 3.2, 4.3)).toBeLessThan(-80);
    expect(await audioLevelDb(plain, 0.5, 2)).toBeGreaterThan(-35);
    expect(await audioLevelDb(plain, 5.5, 7)).toBeGreaterThan(-35);
    expect(job.transcript?.segments[0].text).toContain('[card number]');
  });

  it('leaves a video with nothing to blur or mute as composed, and plays it', async () => {
    h = await PipelineHarness.create([]);
    (h as unknown as { media: ParticipantMedia[] }).media.push(...media(h.dataDir));
    const plainEngine = { name: 'fake', transcribe: async () => [{ start: 1, end: 2, text: 'hello there', words: [] }] };
    const p = h.pipeline({ engine: plainEngine });
    const events = new LocalPipelineEvents((what, e) => h.errors.push(`${what}: ${String(e)}`));
    const finisher = new LocalFinisher({ dataDir: h.dataDir, mediaKeys: h.mediaKeys, events });
    const start = jest.spyOn(finisher, 'start');
    p.deps.composer = withFinishing(p.deps.composer, finisher);
    p.deps.finishing = { finisher, clips: { get: async () => ({ id: 'clip2' }) as Clip } };
    events.bind(p.deps);
    await h.roomEnded(p, { ...h.event('clip-clip2-1'), escalationId: 'clip2', kind: 'clip', clip: { clipId: 'clip2', authorRole: 'customer', authorName: 'C', mode: 'screen' } });
    const job = await h.waitFor('clip-clip2-1', (j) => j.state === 'attached' || j.state === 'failed');
    await p.idle();
    expect(h.errors).toEqual([]);
    expect(job.finish).toEqual({ status: 'none' });
    expect(job.video?.status).toBe('ready');
    expect(job.video?.compositionId).not.toMatch(/^FN-/);
    expect(() => assertVideoFinished(job)).not.toThrow();
    expect(start).not.toHaveBeenCalled();
  });
});
