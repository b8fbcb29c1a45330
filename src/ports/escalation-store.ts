import type { Escalation } from '../domain/escalation';

/** Escalations by id. Twilio: Sync documents. Local: SQLite. */
export interface EscalationStore {
  insert(escalation: Escalation): Promise<void>;
  get(id: string): Promise<Escalation | null>;
  findActiveByConversation(conversationId: string): Promise<Escalation | null>;
  findByRoomName(roomName: string): Promise<Escalation | null>;
  /** Writes the whole record; the caller read it first (single writer per escalation). */
  update(escalation: Escalation): Promise<void>;
}
