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
  /** Transcription attempts per speaker, and the backoff between them. */
  retry: { maxAttempts: number; backoffMs: number; maxBackoffMs?: number };
  newRecordingId: () => string;
  /** What the customer may have of their recording (CUSTOMER_RECORDING_ACCESS); default video. */
  customerRecordingAccess?: CustomerRecordingAccess;
  /** Author of the messages the pipeline posts. */
  messageAuthor?: string;
  /** Called after every persisted change. Tests throw here to simulate a crash between steps. */
  onPersisted?: (job: PipelineJob) => void | Promise<void>;
}
