import type { CustomerRecordingAccess } from '../../domain/recording-policy';
import type { ClipStore } from '../../ports/clip-store';
import type { Clock } from '../../ports/clock';
import type { Composer } from '../../ports/composer';
import type { ConversationsPort } from '../../ports/conversations';
import type { EscalationStore } from '../../ports/escalation-store';
import type { OutboundPublisher } from '../../ports/outbound-events';
import type { PipelineStore } from '../../ports/pipeline-store';
import type { PipelineJob } from '../../domain/pipeline-job';
import type { RecordingArtifacts } from '../../ports/recording-artifacts';
import type { RecordingLibrary } from '../../ports/recording-library';
import type { Transcriber } from '../../ports/transcriber';
import type { WatchLinkSigning } from '../watch/watch-link-signing';

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
  /**
   * Signs the customer's watch link that the recording message carries in its body (Webchat,
   * SMS and WhatsApp show nothing else). Absent: the messages carry no link.
   */
  watchLinks?: WatchLinkSigning;
  /** Author of the messages the pipeline posts. */
  messageAuthor?: string;
  /**
   * The supervisors' recordings library (#10): its row is upserted on every job change and the
   * transcript's lines are indexed when it is attached. Best effort: failures are logged, never fatal.
   */
  library?: RecordingLibrary;
  /** Where the library finds a recording's agent: the call's escalation, or the clip (job.escalationId). */
  recordingOwners?: { escalations: Pick<EscalationStore, 'get'>; clips: Pick<ClipStore, 'get'> };
  /** Signed outbound events (#20): `recording.ready` when a recording is attached. Best effort. */
  outbound?: OutboundPublisher;
  /** Called after every persisted change. Tests throw here to simulate a crash between steps. */
  onPersisted?: (job: PipelineJob) => void | Promise<void>;
}
