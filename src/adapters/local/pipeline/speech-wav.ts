import { makeSpeechAudio } from '../../media/speech-audio';

/**
 * The 16 kHz mono 16-bit WAV speech engines want, from `fromSeconds` on: the shared speech audio
 * (src/adapters/media/speech-audio.ts), which the Twilio media worker turns into FLAC the same way.
 */
export async function speechWav(ffmpeg: string, input: string, output: string, fromSeconds = 0): Promise<void> {
  await makeSpeechAudio(ffmpeg, { input, output, format: 'wav', fromSeconds });
}
