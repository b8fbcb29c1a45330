import { execTool } from './exec';

/**
 * The one place that knows how to turn a recorded track (or a composition of one speaker) into
 * the audio a speech engine takes. Both back ends use it: the local transcribers ask for 16 kHz
 * WAV (pocketsphinx), the Twilio media worker for FLAC (Voice Intelligence takes WAV, MP3 or FLAC
 * only: https://www.twilio.com/docs/api/errors/95104). Same speech treatment either way: the video
 * dropped, mono, 16 kHz through ffmpeg's resampler (sox's default dither ruins pocketsphinx's
 * accuracy), 16-bit samples; only the container differs.
 */
export type SpeechAudioFormat = 'wav' | 'flac';

export interface SpeechAudioRequest {
  input: string;
  output: string;
  format: SpeechAudioFormat;
  /** Start this far into the input (a live transcript picks up where it stopped). */
  fromSeconds?: number;
}

export const SPEECH_SAMPLE_RATE = 16_000;

const CODEC: Record<SpeechAudioFormat, string[]> = {
  wav: ['-c:a', 'pcm_s16le', '-f', 'wav'],
  // FLAC is lossless and about half the size of the WAV: less for the worker to serve, same words.
  flac: ['-c:a', 'flac', '-sample_fmt', 's16', '-f', 'flac'],
};

/** ffmpeg's arguments for one request (exported so a test can read what is asked). */
export function speechAudioArgs(r: SpeechAudioRequest): string[] {
  const seek = r.fromSeconds && r.fromSeconds > 0 ? ['-ss', r.fromSeconds.toFixed(3)] : [];
  return ['-nostdin', '-y', '-loglevel', 'error', '-i', r.input, ...seek, '-vn', '-ac', '1', '-ar', String(SPEECH_SAMPLE_RATE), ...CODEC[r.format], r.output];
}

export async function makeSpeechAudio(ffmpeg: string, r: SpeechAudioRequest, options: { timeoutMs?: number; niceness?: number } = {}): Promise<void> {
  await execTool(ffmpeg, speechAudioArgs(r), options);
}
