import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSpeechAudio, speechAudioArgs } from './speech-audio';

/** The one way both back ends turn recorded tracks into speech audio: real ffmpeg, real files. */
describe('speech audio', () => {
  let dir: string;
  const probe = (file: string) =>
    JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,channels,sample_rate,codec_type:format=duration', '-of', 'json', file], { encoding: 'utf8' }));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'speech-audio-'));
    // What a Twilio speaker composition or a Janus track looks like to ffmpeg: stereo 48 kHz AAC, with video.
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=300:duration=4:sample_rate=48000', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=5:duration=4', '-ac', '2', '-c:a', 'aac', '-c:v', 'libx264', '-preset', 'ultrafast', join(dir, 'in.mp4')]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['flac', 'flac', 'fLaC'],
    ['wav', 'pcm_s16le', 'RIFF'],
  ] as const)('makes %s: audio only, mono, 16 kHz, the input’s length', async (format, codec, magic) => {
    const out = join(dir, `out.${format}`);
    await makeSpeechAudio('ffmpeg', { input: join(dir, 'in.mp4'), output: out, format });
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe(magic);
    const info = probe(out);
    expect(info.streams).toEqual([expect.objectContaining({ codec_type: 'audio', codec_name: codec, channels: 1, sample_rate: '16000' })]);
    expect(Number(info.format.duration)).toBeCloseTo(4, 0);
  });

  it('starts where asked (a live transcript picks up where it stopped), and rejects with ffmpeg’s reason', async () => {
    const out = join(dir, 'tail.wav');
    await makeSpeechAudio('ffmpeg', { input: join(dir, 'in.mp4'), output: out, format: 'wav', fromSeconds: 3 });
    expect(Number(probe(out).format.duration)).toBeCloseTo(1, 0);
    expect(speechAudioArgs({ input: 'a', output: 'b', format: 'wav', fromSeconds: 1.5 })).toEqual(
      ['-nostdin', '-y', '-loglevel', 'error', '-i', 'a', '-ss', '1.500', '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', '-f', 'wav', 'b'],
    );
    await expect(makeSpeechAudio('ffmpeg', { input: join(dir, 'missing.mp4'), output: join(dir, 'x.flac'), format: 'flac' })).rejects.toThrow(/ffmpeg failed/);
  });
});
