/**
 * What the supervisors' dashboard and the BI exports report (#20): the async-video workflow's
 * metrics, each beside its target, computed in SQL from the support event log on both engines
 * (src/adapters/sql/sql-support-metrics.ts). Video and text tickets are compared where the
 * workflow compares them. A ticket is a conversation; it counts in the range its first event falls in.
 */

export interface InsightsFilter {
  /** ISO-8601 UTC, inclusive. */
  from: string;
  /** ISO-8601 UTC, exclusive. */
  to: string;
  /** One agent's tickets (the agent who took it: `agent_joined`). */
  agent?: string;
  team?: string;
}

export type MetricUnit = 'ratio' | 'count' | 'seconds' | 'hours' | 'score' | 'messages' | 'minutes' | 'usd';

export interface MetricTarget {
  /** The value should be above (`min`) or below (`max`) this. */
  direction: 'min' | 'max';
  value: number;
}

export const METRIC_KEYS = [
  'tickets',
  'video_tickets',
  'adoption_rate',
  'resolution_rate',
  'messages_per_ticket',
  'time_to_resolution_hours',
  'csat',
  'first_contact_resolution',
  'customer_clip_completion',
  'agent_clip_completion',
  'avg_clip_seconds_customer',
  'avg_clip_seconds_agent',
  'timezone_spanning_resolutions',
  'agent_minutes_saved',
  'agent_cost_saved_usd',
  'suggestions_shown',
  'suggestions_accepted',
  'suggestions_dismissed',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface Metric {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  /** Over every ticket in the filter; null when there is nothing to measure (no CSAT answers yet). */
  value: number | null;
  /** The same over video tickets and over text-only tickets, where the workflow compares them. */
  video?: number | null;
  text?: number | null;
  target?: MetricTarget;
}

/** Clips per month and side: the workflow's volume table. Customer clips are received by agents and vice versa. */
export interface MonthlyVolume {
  /** YYYY-MM (UTC). */
  month: string;
  customerClips: number;
  agentClips: number;
  calls: number;
  tickets: number;
  videoTickets: number;
}

export interface InsightsReport {
  filter: InsightsFilter;
  metrics: Metric[];
  monthly: MonthlyVolume[];
  /** Agents and teams seen in the range, for the filters. */
  agents: string[];
  teams: string[];
}

/** One ticket as the exports give it (stable, documented column names: docs/insights-export.md). */
export interface TicketExportRow {
  conversation_id: string;
  opened_at: string;
  agent: string | null;
  team: string | null;
  video_used: boolean;
  calls: number;
  call_seconds: number;
  customer_clips: number;
  agent_clips: number;
  customer_messages: number;
  agent_messages: number;
  resolved_at: string | null;
  first_contact_resolution: boolean;
  confirmed_solved: boolean | null;
  csat: number | null;
  customer_time_zone: string | null;
  agent_time_zone: string | null;
  suggestions_shown: number;
  suggestions_accepted: number;
}

/** How the ROI is worked out: minutes an agent spends per message, and what a minute costs. */
export interface RoiAssumptions {
  minutesPerMessage: number;
  costPerMinute: number;
}
