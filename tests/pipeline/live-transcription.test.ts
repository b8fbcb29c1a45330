import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryKeyRing } from '../../src/adapters/local/crypto/test-support/memory-key-ring';
import { livePathOf, writeLive } from '../../src/adapters/local/pipeline/live-transcript';
import { LocalPipelineEvents } from '../../src/adapters/local/pipeline/local-events';
import { speechCompositionId, writeManifest } from '../../src/adapters/local/pipeline/local-media';
import { LocalTranscriber } from '../../src/adapters/local/pipeline/local-transcriber';
import { mediaDuration } from '../../src/adapters/local/pipeline/probe';
import { twoSpeakerClips } from '../e2e/support/speech-clips';
import { buildSyntheticCall } from './support/synthetic-call';

jest.setTimeout(60_000);

/**
 * What was transcribed during the call is not done again: the local transcriber hands the engine
 * only the audio after the live cut (real ffmpeg), and the result is the live part plus the rest
 * on the track's own timeline.
 */
describe('local transcriber after live transcription', () => {
  const dir = mkdtempSync(join(tmpdir(), 'live-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('transcribes only what the live rounds had not reached, and merges both on one timeline', async () => {
    const [a, c] = twoSpeakerClips();
    const call = await buildSyntheticCall(join(dir, 'call'), { seconds: 20, agentClip: a, customerClip: c });
    const track = call.media.find((m) => m.kind === 'audio') as { path: string };
    const recordingId = 'RElive1';
    const mediaKeys = memoryKeyRing();
    const compositionId = speechCompositionId(recordingId, 0);
    const mjr = join(dir, 'recordings', 'videoroom-1-user-2-3-audio-0.mjr');
    await mkdir(join(dir, 'recordings'), { recursive: true });
    await writeLive(livePathOf(mjr), { cut: 12, segments: [{ start: 1, end: 4, text: 'said during the call', words: [] }] }, mediaKeys);
    await writeManifest(dir, recordingId, {
      roomName: 'esc-live',
      videoCompositionId: `${recordingId}-video`,
      media: [],
      speech: { [compositionId]: track.path },
      live: { [compositionId]: livePathOf(mjr) },
    }, mediaKeys);

    const given: number[] = [];
    const engine = {
      name: 'recording-engine',
      transcribe: async (wav: string) => {
        given.push(await mediaDuration(wav));
        return [{ start: 0.5, end: 2, text: 'said after the cut', words: [{ word: 'after', start: 1, end: 1.3 }] }];
      },
    };
    const ready = new Promise<string>((resolve, reject) => {
      const events = new LocalPipelineEvents(reject);
      events.transcriptReady = (e) => resolve(e.transcriptId);
      events.transcriptFailed = (e) => reject(new Error(e.reason));
      void new LocalTranscriber({ dataDir: dir, engine, events, mediaKeys }).start({ roomName: 'esc-live', compositionId, key: 'k' }).catch(reject);
    });
    const transcriber = new LocalTranscriber({ dataDir: dir, engine, events: new LocalPipelineEvents(() => undefined), mediaKeys });
    const segments = await transcriber.result(await ready);

    const full = await mediaDuration(track.path);
    expect(given).toHaveLength(1);
    expect(given[0]).toBeCloseTo(full - 12, 0);
    expect(segments).toEqual([
      { start: 1, end: 4, text: 'said during the call', words: [] },
      { start: 12.5, end: 14, text: 'said after the cut', words: [{ word: 'after', start: 13, end: 13.3 }] },
    ]);
  });
});
