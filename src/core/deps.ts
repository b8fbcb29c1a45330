import type { Config } from '../config';
import type { Clock } from '../ports/clock';
import type { ConversationsPort } from '../ports/conversations';
import type { ClipStore } from '../ports/clip-store';
import type { ClipViewStore } from '../ports/clip-view-store';
import type { ConsentStore } from '../ports/consent-store';
import type { EscalationStore } from '../ports/escalation-store';
import type { MonitoringStore } from '../ports/monitoring-store';
import type { OutboundPublisher } from '../ports/outbound-events';
import type { PrivacyStore } from '../ports/privacy-store';
import type { RecordingMediaStore } from '../ports/recording-media-store';
import type { RoomsPort } from '../ports/rooms';
import type { SupportEventStore } from '../ports/support-event-store';
import type { CustomerLinks } from './customer-link';
import type { PipelineDeps } from './pipeline/deps';
import type { OutboundDeps } from './outbound/outbound-deps';

/** Everything a use case may touch. Adapters fill it; use cases never know which back end did. */
export interface CoreDeps {
  config: Config;
  rooms: RoomsPort;
  conversations: ConversationsPort;
  escalations: EscalationStore;
  /** Who agreed to which recording notice (joining a recorded call needs it). */
  consents: ConsentStore;
  /** Async clips and their takes. */
  clips: ClipStore;
  /** Who watched which clip, how far (viewer events). */
  clipViews: ClipViewStore;
  /** Supervisors' monitoring sessions of live calls. */
  monitoring: MonitoringStore;
  /** Closures, legal holds and the audit log (retention, erasure). */
  privacy: PrivacyStore;
  /** Each recording's stored media and text, for retention, erasure and storage usage. */
  recordingMedia: RecordingMediaStore;
  /** The support event log and its metrics (#20): counts and times, never content. */
  supportEvents: SupportEventStore;
  /** Signed outbound events for CRMs (#20), queued for delivery. */
  outbound: OutboundPublisher;
  /** Delivering them, and the endpoints and delivery log the admin Functions manage. */
  outboundDelivery: OutboundDeps;
  /** The recording pipeline a room enters when it ends. */
  pipeline: PipelineDeps;
  links: CustomerLinks;
  clock: Clock;
  newId: () => string;
}
