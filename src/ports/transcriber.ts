/** One recognized word, times in seconds from the start of the audio given to the transcriber. */
export interface TranscribedWord {
  word: string;
  start: number;
  end: number;
}

/** One utterance (the engine's own segmentation, usually split at pauses). */
export interface TranscribedSegment {
  start: number;
  end: number;
  text: string;
  /** Word timings when the engine gives them; captions fall back to spreading words evenly. */
  words: TranscribedWord[];
}

/**
 * Speech to text for one speaker's audio (16 kHz mono WAV). Local default: pocketsphinx.
 * Any engine can take its place (see docs/transcription-engines.md). Throws on failure; the
 * pipeline retries with bounded backoff.
 */
export interface Transcriber {
  /** Recorded in transcript.json so a reader knows which engine produced it. */
  readonly name: string;
  transcribe(audioPath: string): Promise<TranscribedSegment[]>;
}
