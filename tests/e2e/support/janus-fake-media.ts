import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeMedia {
  /** Y4M file for --use-file-for-fake-video-capture. */
  videoFile: string;
  /** 48 kHz mono WAV for --use-file-for-fake-audio-capture. */
  audioFile: string;
}

export interface FakeMediaOptions {
  /** Distinguishes participants: file names and picture/voice differ per name. */
  name: string;
  /** ffmpeg lavfi video source (default testsrc). */
  pattern?: 'testsrc' | 'testsrc2' | 'smptebars' | 'rgbtestsrc';
  /** What espeak-ng says in the audio file. */
  speech?: string;
  seconds?: number;
}

/**
 * Makes a fake camera (ffmpeg test pattern, 320x240@15) and microphone (espeak-ng speech,
 * resampled with sox to 48 kHz) for one Chromium participant. Files are reused when present.
 */
export function makeFakeMedia(dir: string, options: FakeMediaOptions): FakeMedia {
  const seconds = options.seconds ?? 10;
  const videoFile = join(dir, `${options.name}.y4m`);
  const audioFile = join(dir, `${options.name}.wav`);
  if (!existsSync(videoFile)) {
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `${options.pattern ?? 'testsrc'}=size=320x240:rate=15`, '-t', String(seconds), '-pix_fmt', 'yuv420p', videoFile]);
  }
  if (!existsSync(audioFile)) {
    const raw = join(dir, `${options.name}-speech.wav`);
    const text = options.speech ?? `This is ${options.name} speaking on a test call. One two three four five.`;
    execFileSync('espeak-ng', ['-w', raw, text]);
    // -D: no dither (it hurts recognition later); pad to the video's length so the mic never goes silent early.
    execFileSync('sox', ['-D', raw, '-r', '48000', '-c', '1', '-b', '16', audioFile, 'pad', '0', String(seconds)]);
  }
  return { videoFile, audioFile };
}
