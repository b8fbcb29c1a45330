import type { ParticipantMedia } from './recording-media';

export interface Composition {
  /** Where the adapter stored the composed video (local: an absolute path). */
  location: string;
  durationSeconds: number;
}

/**
 * Composes one video per recording and extracts per-speaker audio. Local: ffmpeg.
 * Both calls overwrite their own output, so re-running after a crash leaves exactly one file.
 */
export interface Composer {
  compose(recordingId: string, media: ParticipantMedia[]): Promise<Composition>;
  /** 16 kHz mono 16-bit WAV of one audio track, for a transcriber. Returns its path. */
  speechAudio(recordingId: string, track: ParticipantMedia, index: number): Promise<string>;
}
