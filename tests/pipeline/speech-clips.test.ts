import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PocketsphinxTranscriber } from '../../src/adapters/local/pipeline/pocketsphinx-transcriber';
import { wordErrorRate } from '../support/wer';
import { DIRECT_WER_BASELINE, twoSpeakerClips, writeFakeMicWav } from '../e2e/support/speech-clips';

jest.setTimeout(60_000);

describe('speech clips for the fake microphone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speech-clips-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds two different human-speech clips with reference texts', () => {
    const [a, b] = twoSpeakerClips();
    expect(a.id).not.toBe(b.id);
    expect(a.reference.split(' ').length).toBeGreaterThan(10);
    expect(b.durationSeconds).toBeGreaterThan(5);
  });

  it('writes a 48 kHz WAV that pocketsphinx still transcribes at the baseline error rate', async () => {
    const [a] = twoSpeakerClips();
    const out = join(dir, 'mic.wav');
    await writeFakeMicWav([a], out, 1);
    const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=sample_rate,channels:format=duration', '-of', 'json', out]);
    const info = JSON.parse(probe.toString()) as { streams: { sample_rate: string }[]; format: { duration: string } };
    expect(info.streams[0].sample_rate).toBe('48000');
    expect(Number(info.format.duration)).toBeCloseTo(a.durationSeconds + 1, 1);
    const segs = await new PocketsphinxTranscriber().transcribe(a.path);
    expect(wordErrorRate(a.reference, segs.map((s) => s.text).join(' '))).toBeCloseTo(DIRECT_WER_BASELINE[a.id], 2);
  });
});
