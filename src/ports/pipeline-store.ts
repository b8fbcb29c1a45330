import type { PipelineJob } from '../domain/pipeline-job';

export interface PipelineStore {
  /** Inserts the job unless one exists for its room; returns whether it inserted. */
  insertIfAbsent(job: PipelineJob): Promise<boolean>;
  get(roomName: string): Promise<PipelineJob | null>;
  getByRecordingId(recordingId: string): Promise<PipelineJob | null>;
  /**
   * Writes `job` (whose `version` is already the next one) only if the stored version is still
   * `job.version - 1`. Returns false when another writer got there first: re-read and decide again.
   */
  saveIfUnchanged(job: PipelineJob): Promise<boolean>;
  /** Jobs not in a terminal state, oldest first. */
  listUnfinished(): Promise<PipelineJob[]>;
  listByConversation(conversationId: string): Promise<PipelineJob[]>;
  /**
   * Claims (or renews) the job's lease for `owner` until `until`, in one conditional write: it
   * succeeds when nobody holds the lease, `owner` already does, or the holder's lease ended
   * before `now`. Of several concurrent claimers exactly one wins. False for a missing job.
   */
  claimLease(roomName: string, owner: string, until: string, now: string): Promise<boolean>;
  /** Gives the lease up, if `owner` still holds it. */
  releaseLease(roomName: string, owner: string): Promise<void>;
}
