/** The exports' page cursor, made by the core (the next page's link) and read by the SQL store. Server-side only (Buffer). */
import { DomainError } from './errors';
import type { TicketExportRow } from './insights';

/**
 * The exports' page cursor: the last row's sort key (opened_at, conversation_id), opaque to callers
 * (base64url JSON). Nothing secret is in it: it only says where the next page starts.
 */
export interface TicketPosition {
  openedAt: string;
  conversationId: string;
}

export function ticketExportCursor(row: Pick<TicketExportRow, 'opened_at' | 'conversation_id'>): string {
  return Buffer.from(JSON.stringify([row.opened_at, row.conversation_id])).toString('base64url');
}

/** The position a cursor names; a 400 for anything this module did not make. */
export function readTicketExportCursor(cursor: string): TicketPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidExportCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((p) => typeof p === 'string')) throw invalidExportCursor();
  const [openedAt, conversationId] = parsed as [string, string];
  if (Number.isNaN(Date.parse(openedAt))) throw invalidExportCursor();
  return { openedAt, conversationId };
}

const invalidExportCursor = () =>
  new DomainError('invalid_request', 'cursor_invalid', 'This export page link is not valid; start again from the first page.');
