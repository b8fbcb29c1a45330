import type { Clip } from '../domain/clip';

/** Clips by id. Both engines: the SQL store (SQLite locally, PostgreSQL on Twilio). */
export interface ClipStore {
  insert(clip: Clip): Promise<void>;
  get(id: string): Promise<Clip | null>;
  /** The clip whose current take uses this room. */
  findByRoomName(roomName: string): Promise<Clip | null>;
  /** A conversation's clips, oldest first. */
  listByConversation(conversationId: string): Promise<Clip[]>;
  /** Clips authored by this participant identity (erasure on request; rare, so unindexed). */
  listByAuthorIdentity(authorIdentity: string): Promise<Clip[]>;
  /** Clips with a take's room open (recording or paused), oldest first: the cap and author-gone watch. */
  listOpenTakes(): Promise<Clip[]>;
  /**
   * Writes `clip` (whose `version` is already the next one) only if the stored version is still
   * `clip.version - 1`. False when another writer (the author's Stop, the cap) got there first.
   */
  saveIfUnchanged(clip: Clip): Promise<boolean>;
}
