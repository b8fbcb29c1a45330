import type { MonitoringSession } from '../domain/monitoring';

/** Who monitored which call, from when to when. Both engines: SQL (migration 0012). */
export interface MonitoringStore {
  insert(session: MonitoringSession): Promise<void>;
  get(id: string): Promise<MonitoringSession | null>;
  /** Sets the end once; a session already ended keeps its first end. Returns the stored session (null if unknown). */
  end(id: string, endedAt: string): Promise<MonitoringSession | null>;
  /** Oldest first. */
  listByEscalation(escalationId: string): Promise<MonitoringSession[]>;
}
