import type { RecordingReviewsTable, ReviewRequirementsTable, TranscriptCorrectionsTable } from './migration-0019-transcript-corrections';
import type { ColumnType } from 'kysely';

/*
 * The store's schema as Kysely sees it: one row type per table that migrations.ts creates. The
 * sub-stores (sql-*.ts) import these; database.ts opens the store over them.
 */

/** Row types of the tables in migrations.ts; keep the two in step. */
export interface EscalationsTable {
  id: string;
  conversation_id: string;
  room_name: string;
  status: string;
  created_at: string;
  record_json: string;
}

export interface PipelineJobsTable {
  room_name: string;
  recording_id: string;
  conversation_id: string;
  state: string;
  version: number;
  created_at: string;
  updated_at: string;
  job_json: string;
  /** Which worker advances the job, and until when (ISO time); null when nobody holds it (0008). */
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_until: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RecordingArtifactsTable {
  recording_id: string;
  name: string;
  content: string;
}

export interface ConversationsTable {
  id: string;
  friendly_name: string;
  attributes_json: string;
  created_at: string;
}

export interface ConversationMessagesTable {
  /** Position in the change feed when the message was posted: orders a conversation's messages. */
  seq: number;
  id: string;
  conversation_id: string;
  author: string;
  body: string;
  attributes_json: string;
  created_at: string;
}

export interface ConversationEventsTable {
  seq: number;
  conversation_id: string;
  kind: 'message' | 'conversation';
  payload_json: string;
}

/** One row (id 1): the last sequence number handed out to the conversation change feed. */
export interface ConversationFeedTable {
  id: number;
  last_seq: number;
}

export interface RevokedTokensTable {
  jti: string;
  /** Unix seconds (bigint column); only compared in SQL, never read back. */
  expires_at: number;
}

export interface ConsentsTable {
  id: string;
  escalation_id: string;
  room_name: string;
  participant_identity: string;
  role: string;
  notice_version: string;
  notice_text: string;
  user_agent: string;
  consented_at: string;
}

export interface ClipsTable {
  id: string;
  conversation_id: string;
  room_name: ColumnType<string | null, string | null | undefined, string | null>;
  status: string;
  version: number;
  created_at: string;
  record_json: string;
}

export interface ClipViewsTable {
  clip_id: string;
  viewer: string;
  recording_id: string;
  conversation_id: string;
  opened_at: string;
  furthest_seconds: number;
  /** 0 or 1. */
  completed: number;
  completed_at: ColumnType<string | null, string | null | undefined, string | null>;
  last_event_at: string;
}

/** Supervisors' monitoring sessions (0012). */
export interface MonitoringSessionsTable {
  id: string;
  escalation_id: string;
  conversation_id: string;
  room_name: string;
  supervisor_identity: string;
  supervisor_name: string;
  participant_identity: string;
  /** 0 or 1. */
  barge_in: number;
  started_at: string;
  ended_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The recordings library (0011): one row per recording. */
export interface RecordingsTable {
  recording_id: string;
  /** bigint: end second × 512 + tie slot (see the migration); read back as a string by pg. */
  sort_key: ColumnType<number | string, number, number>;
  conversation_id: string;
  kind: string;
  agent_identity: string;
  agent_name: string;
  customer_name: string;
  ended_at: string;
  duration_seconds: number;
  state: string;
  /** 0 or 1. */
  has_transcript: number;
  /** 0 or 1: PII was found in its transcript (0013). */
  pii: ColumnType<number, number | undefined, number>;
  /** Set once its media was deleted (0013). */
  media_deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
  media_deletion_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The first close of each conversation (0013). */
export interface ClosuresTable {
  conversation_id: string;
  closed_at: string;
  closed_by: string;
  source: string;
  /** Set once nothing is left to delete under the policy: the sweep no longer lists it (0014). */
  settled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Legal holds in force (0013). */
export interface LegalHoldsTable {
  conversation_id: string;
  reason: string;
  set_by: string;
  /** The setter's display name (0015); null on older holds. */
  set_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  set_at: string;
}

/** The audit log (0013); `seq` is assigned by the engine. */
export interface AuditLogTable {
  seq: ColumnType<number | string, never, never>;
  id: string;
  at: string;
  actor: string;
  /** The actor's display name (0015); null on older entries and the sweep's. */
  actor_name: ColumnType<string | null, string | null | undefined, string | null>;
  action: string;
  conversation_id: string | null;
  subject: string | null;
  details_json: string | null;
}

/** Transcript lines of the library (0011); full-text indexed (FTS5 table / tsvector column beside it). */
export interface TranscriptLinesTable {
  line_id: ColumnType<number | string, number, number>;
  recording_id: string;
  start_seconds: number;
  end_seconds: number;
  speaker: string;
  text: string;
}

/** The media worker's queue (0016): one row per transcript the Twilio pipeline asks for. */
export interface MediaWorkTable {
  id: string;
  room_name: string;
  composition_id: string;
  customer_key: string;
  /** waiting → working (leased) → submitted (at Voice Intelligence) → done; or failed. */
  state: string;
  attempts: number;
  not_before: string;
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_until: ColumnType<string | null, string | null | undefined, string | null>;
  transcript_sid: ColumnType<string | null, string | null | undefined, string | null>;
  media_ref: ColumnType<string | null, string | null | undefined, string | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

/** The support event log (0017): append-only facts of a ticket; the event itself as JSON. */
export interface SupportEventsTable {
  id: string;
  conversation_id: string;
  kind: string;
  at: string;
  /** sideOf(event): whose event it is, for erasure; null when neither side's. */
  side: ColumnType<string | null, string | null | undefined, string | null>;
  event_json: string;
  /** The kind, for kinds kept once per ticket (unique with the conversation); otherwise null. */
  once_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * One row per ticket (0017), recomputed from its events (support-ticket-summary.ts). Flags are
 * 0/1; counts and sums come back from pg as numbers (int4 and float8 columns).
 */
export interface SupportTicketsTable {
  conversation_id: string;
  opened_at: string;
  agent: string | null;
  team: string | null;
  video_used: number;
  customer_messages: number;
  agent_messages: number;
  calls: number;
  call_seconds: number;
  customer_clips: number;
  agent_clips: number;
  customer_clip_seconds: number;
  agent_clip_seconds: number;
  customer_clips_watched_by_agent: number;
  agent_clips_watched_by_customer: number;
  resolved_at: string | null;
  resolutions: number;
  resolution_seconds: number | null;
  reopened: number;
  confirmed_solved: number | null;
  resolved: number;
  first_contact_resolution: number;
  csat: number | null;
  customer_time_zone: string | null;
  agent_time_zone: string | null;
  suggestions_shown: number;
  suggestions_accepted: number;
  suggestions_dismissed: number;
}

/**
 * The ticket rows summed per UTC day of opened_at and video/text (0017), kept in step with
 * ve_support_tickets by the same transactions: the unfiltered dashboard reads days, not tickets.
 * The sum columns are named as in sql-support-metrics.ts `SUMS`.
 */
export interface SupportDaysTable {
  /** YYYY-MM-DD (UTC). */
  day: string;
  video_used: number;
  tickets: number;
  resolved: number;
  messages: number;
  resolution_seconds: number;
  csat_total: number;
  csat_answers: number;
  first_contact: number;
  customer_clips: number;
  agent_clips: number;
  customer_clips_watched: number;
  agent_clips_watched: number;
  customer_clip_seconds: number;
  agent_clip_seconds: number;
  calls: number;
  timezone_spanning: number;
  suggestions_shown: number;
  suggestions_accepted: number;
  suggestions_dismissed: number;
}

/** Receivers an admin added (0018). `enabled` is 0 or 1; `types_json` is `"all"` or an array of types. */
export interface OutboundEndpointsTable {
  id: string;
  url: string;
  secret: string;
  previous_secret: ColumnType<string | null, string | null | undefined, string | null>;
  types_json: string;
  enabled: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One event for one endpoint (0018): the queue and the delivery log. Key (event_id, endpoint_id). */
export interface OutboundDeliveriesTable {
  event_id: string;
  endpoint_id: string;
  type: string;
  conversation_id: string;
  body_json: string;
  /** pending → delivered, or failed once the attempts run out. */
  state: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_until: ColumnType<string | null, string | null | undefined, string | null>;
  last_status: ColumnType<number | null, number | null | undefined, number | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  delivered_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface StoreTables {
  ve_transcript_corrections: TranscriptCorrectionsTable;
  ve_recording_reviews: RecordingReviewsTable;
  ve_review_requirements: ReviewRequirementsTable;
  ve_outbound_endpoints: OutboundEndpointsTable;
  ve_outbound_deliveries: OutboundDeliveriesTable;
  ve_support_days: SupportDaysTable;
  ve_support_events: SupportEventsTable;
  ve_support_tickets: SupportTicketsTable;
  ve_media_work: MediaWorkTable;
  ve_conversation_closures: ClosuresTable;
  ve_legal_holds: LegalHoldsTable;
  ve_audit_log: AuditLogTable;
  ve_recordings: RecordingsTable;
  ve_transcript_lines: TranscriptLinesTable;
  ve_monitoring_sessions: MonitoringSessionsTable;
  ve_clips: ClipsTable;
  ve_clip_views: ClipViewsTable;
  ve_escalations: EscalationsTable;
  ve_pipeline_jobs: PipelineJobsTable;
  ve_recording_artifacts: RecordingArtifactsTable;
  ve_conversations: ConversationsTable;
  ve_conversation_messages: ConversationMessagesTable;
  ve_conversation_events: ConversationEventsTable;
  ve_conversation_feed: ConversationFeedTable;
  ve_revoked_tokens: RevokedTokensTable;
  ve_consents: ConsentsTable;
}

export type SqlEngine = 'sqlite' | 'postgres';
