import type { PipelineJob } from '../domain/pipeline-job';

/**
 * A recording's stored media and text, for retention, erasure and storage usage (#11). Local:
 * the files under the data folder (raw Janus tracks, converted tracks, WAVs, composed video;
 * captions and transcript beside it). Twilio: recordings and compositions through the REST API
 * (the transcript lives in the store). Every delete is idempotent: what is already gone counts
 * as deleted, so a sweep killed halfway can simply run again.
 */
export interface RecordingMediaStore {
  /** How many media items (files / Twilio recordings and compositions) the recording still has. */
  countMedia(job: PipelineJob): Promise<number>;
  /** Deletes the video and everything it was made from; returns how many items went now. */
  deleteMedia(job: PipelineJob): Promise<number>;
  /** Deletes the captions and transcript artifacts; returns how many went now. */
  deleteTranscriptArtifacts(job: PipelineJob): Promise<number>;
  /** Bytes the recording's media takes in storage now (0 once deleted). */
  mediaBytes(job: PipelineJob): Promise<number>;
}
