import type { Escalation } from '../domain/escalation';

/** Escalations by id. Twilio: Sync documents. Local: SQLite. */
export interface EscalationStore {
  /**
   * Stores a new escalation. An active one is refused (false) when its conversation already has
   * an active escalation: the store itself keeps one active call per conversation, so two racing
   * Escalate clicks cannot both win. A taken id or room name still throws.
   */
  insert(escalation: Escalation): Promise<boolean>;
  get(id: string): Promise<Escalation | null>;
  findActiveByConversation(conversationId: string): Promise<Escalation | null>;
  findByRoomName(roomName: string): Promise<Escalation | null>;
  /** A conversation's escalations, oldest first (erasure revokes their links). */
  listByConversation(conversationId: string): Promise<Escalation[]>;
  /** The escalations whose customer link named this participant identity (erasure on request; rare, so unindexed). */
  findByCustomerIdentity(customerIdentity: string): Promise<Escalation[]>;
  /** Every escalation still marked active, oldest first (start-up reconciliation). */
  listActive(): Promise<Escalation[]>;
  /** Writes the whole record; the caller read it first (single writer per escalation). */
  update(escalation: Escalation): Promise<void>;
}
