import type { TranscribedSegment } from '../../../domain/pipeline-job';

/**
 * A local speech-to-text engine over one 16 kHz mono WAV: pocketsphinx by default, or any
 * command (docs/transcription-engines.md). The local transcriber prepares the WAV and runs it.
 */
export interface SpeechEngine {
  readonly name: string;
  transcribe(wavPath: string): Promise<TranscribedSegment[]>;
}
