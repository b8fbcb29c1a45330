import type { CustomerRecordingAccess } from '../../domain/recording-policy';
import type { Clock } from '../../ports/clock';
import type { Composer } from '../../ports/composer';
import type { ConversationsPort } from '../../ports/conversations';
import type { PipelineJob, PipelineStore } from '../../ports/pipeline-store';
import type { RecordingArtifacts } from '../../ports/recording-artifacts';
import type { Transcriber } from '../../ports/transcriber';

/** What the recording pipeline's use cases touch. Both back ends fill it; the core never asks which. */
export interface PipelineDeps {
  store: PipelineStore;
  composer: Composer;
  transcriber: Transcriber;
  artifacts: RecordingArtifacts;
  conversations: ConversationsPort;
  clock: Clock;
  /**
   * Transcription attempts per speaker; compose attempts and message (attach) attempts per job
   * (default: the same); the backoff between attempts (exponential from backoffMs, capped at maxBackoffMs).
   */
  retry: { maxAttempts: number; backoffMs: number; maxBackoffMs?: number; composeMaxAttempts?: number; attachMaxAttempts?: number };
  /**
   * Calls `resumeJob` for the room at `at` (a back end with a scheduler: the local worker). The
   * retry state is in the job, so a restart re-arms it. Without one, failed steps retry at once.
   */
  wakeAt?: (roomName: string, at: Date) => void;
  /**
   * Runs `work` as the job's only advancer (a lease in the store, held across processes); null,
   * without running it, while another worker holds the job. Entry points that a worker of its
   * own may also be advancing use it (local: room ended, supervisors' resume). Without it, the
   * job's versioned claims are the only guard (Twilio: webhooks, no worker of its own).
   */
  exclusive?: <T>(roomName: string, work: () => Promise<T>) => Promise<T | null>;
  newRecordingId: () => string;
  /** What the customer may have of their recording (CUSTOMER_RECORDING_ACCESS); default video. */
  customerRecordingAccess?: CustomerRecordingAccess;
  /** Author of the messages the pipeline posts. */
  messageAuthor?: string;
  /** Called after every persisted change. Tests throw here to simulate a crash between steps. */
  onPersisted?: (job: PipelineJob) => void | Promise<void>;
}
