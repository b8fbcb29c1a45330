import type { ExternalStatus, TranscribedSegment } from '../domain/pipeline-job';

export interface TranscriptRequest {
  roomName: string;
  /** The speaker's audio-only composition: a media reference, never a local path. */
  compositionId: string;
  /**
   * Short opaque key (≤ 40 characters) an engine that reports by webhook hands back with its
   * result (Voice Intelligence `customerKey`), so the core finds the speaker again.
   */
  key: string;
  /** Wait this long before starting (retry backoff). Engines that queue anyway may ignore it. */
  delayMs?: number;
}

/**
 * Speech to text for one speaker's audio composition. Asynchronous: `start` only asks; the
 * result reports back through the core's `transcriptReady` / `transcriptFailed`, which then
 * reads it with `result`. Twilio: Voice Intelligence. Local: pocketsphinx or any command engine.
 */
export interface Transcriber {
  /** Recorded in transcript.json so a reader knows which engine produced it. */
  readonly name: string;
  /** Returns the transcript's id (Twilio `GT…`, a local job id). */
  start(request: TranscriptRequest): Promise<string>;
  result(transcriptId: string): Promise<TranscribedSegment[]>;
  /** 'unknown': the engine lost it (a local job in a crash): request it again. */
  status(transcriptId: string): Promise<ExternalStatus | 'unknown'>;
  /**
   * The engine's own copy is no longer needed: the redacted segments are saved on the job (or the
   * attempt was given up). Engines that keep the unredacted text (Voice Intelligence) delete it.
   * Idempotent: a copy already gone is not an error. Absent when the engine keeps nothing of its own.
   */
  discard?(transcriptId: string): Promise<void>;
  /**
   * The id `start` returned, for the id the engine's own report names, when the two differ: the
   * request went through a helper first (Twilio: the media worker's `MW…` is what the job waits on,
   * Voice Intelligence reports its `GT…`). Null when the report names nothing of ours. Absent when
   * an engine reports under the id `start` returned.
   */
  requestOf?(reportedId: string): Promise<string | null>;
}
