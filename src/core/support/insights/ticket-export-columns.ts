import type { TicketExportRow } from '../../../domain/insights';

/** How a column's values are written: docs/insights-export.md explains each type. */
export type ExportColumnType = 'text' | 'timestamp' | 'integer' | 'boolean' | 'number';

export interface ExportColumn {
  name: keyof TicketExportRow;
  type: ExportColumnType;
  /** May be empty (null): a ticket not resolved yet, a survey not answered. */
  nullable: boolean;
}

const col = (name: keyof TicketExportRow, type: ExportColumnType, nullable = false): ExportColumn => ({ name, type, nullable });

/**
 * The exports' columns in their published order: the CSV header row and every JSON row's keys.
 * BI reports bind to these names, so they never change; a new column is only ever added at the
 * end. docs/insights-export.md documents each one.
 */
export const TICKET_EXPORT_COLUMNS: readonly ExportColumn[] = [
  col('conversation_id', 'text'),
  col('opened_at', 'timestamp'),
  col('agent', 'text', true),
  col('team', 'text', true),
  col('video_used', 'boolean'),
  col('calls', 'integer'),
  col('call_seconds', 'integer'),
  col('customer_clips', 'integer'),
  col('agent_clips', 'integer'),
  col('customer_messages', 'integer'),
  col('agent_messages', 'integer'),
  col('resolved_at', 'timestamp', true),
  col('first_contact_resolution', 'boolean'),
  col('confirmed_solved', 'boolean', true),
  col('csat', 'number', true),
  col('customer_time_zone', 'text', true),
  col('agent_time_zone', 'text', true),
  col('suggestions_shown', 'integer'),
  col('suggestions_accepted', 'integer'),
];

/**
 * Every key of TicketExportRow once: a field added to the row without a column here fails to
 * compile, so the CSV can never silently drop it.
 */
const EVERY_FIELD: Record<keyof TicketExportRow, true> = {
  conversation_id: true,
  opened_at: true,
  agent: true,
  team: true,
  video_used: true,
  calls: true,
  call_seconds: true,
  customer_clips: true,
  agent_clips: true,
  customer_messages: true,
  agent_messages: true,
  resolved_at: true,
  first_contact_resolution: true,
  confirmed_solved: true,
  csat: true,
  customer_time_zone: true,
  agent_time_zone: true,
  suggestions_shown: true,
  suggestions_accepted: true,
};
export const TICKET_EXPORT_FIELDS = Object.keys(EVERY_FIELD) as (keyof TicketExportRow)[];

/** The same row with its keys in the published order (JSON keeps insertion order). */
export function inColumnOrder(row: TicketExportRow): TicketExportRow {
  return Object.fromEntries(TICKET_EXPORT_COLUMNS.map((c) => [c.name, row[c.name]])) as unknown as TicketExportRow;
}
