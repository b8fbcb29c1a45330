import { execTool } from './exec';

/**
 * The 16 kHz mono 16-bit WAV speech engines want, from `fromSeconds` on. ffmpeg's resampler, not
 * sox's default dither, which ruins pocketsphinx's accuracy.
 */
export async function speechWav(ffmpeg: string, input: string, output: string, fromSeconds = 0): Promise<void> {
  const seek = fromSeconds > 0 ? ['-ss', fromSeconds.toFixed(3)] : [];
  await execTool(ffmpeg, ['-nostdin', '-y', '-loglevel', 'error', '-i', input, ...seek, '-vn', '-ac', '1', '-ar', '16000', '-c:a', 'pcm_s16le', output]);
}
