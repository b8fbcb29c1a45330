import type { ParticipantRole } from '../../../domain/escalation';
import { ensureSchema, type Db } from '../db';

/** The server's record of rooms it made and who was granted which publisher ids in them. */
export interface RoomRow {
  roomName: string;
  roomId: number;
  /** Room management secret; never leaves the server. */
  secret: string;
  recDir: string | null;
}

export interface GrantRow {
  roomId: number;
  identity: string;
  role: ParticipantRole;
  displayName: string;
  cameraId: number;
  screenId: number;
  token: string;
  expiresAt: string;
}

export type PublisherSource = 'camera' | 'screen';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS janus_rooms (
  room_name TEXT PRIMARY KEY,
  room_id INTEGER NOT NULL UNIQUE,
  secret TEXT NOT NULL,
  rec_dir TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS janus_grants (
  room_id INTEGER NOT NULL,
  identity TEXT NOT NULL,
  role TEXT NOT NULL,
  display_name TEXT NOT NULL,
  camera_id INTEGER NOT NULL,
  screen_id INTEGER NOT NULL,
  token TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (room_id, camera_id),
  UNIQUE (room_id, screen_id)
);
CREATE INDEX IF NOT EXISTS janus_grants_identity ON janus_grants (room_id, identity);
`;

type RawRoom = { room_name: string; room_id: number; secret: string; rec_dir: string | null };
type RawGrant = {
  room_id: number;
  identity: string;
  role: ParticipantRole;
  display_name: string;
  camera_id: number;
  screen_id: number;
  token: string;
  expires_at: string;
};

const toRoom = (r: RawRoom): RoomRow => ({ roomName: r.room_name, roomId: r.room_id, secret: r.secret, recDir: r.rec_dir });
const toGrant = (r: RawGrant): GrantRow => ({
  roomId: r.room_id,
  identity: r.identity,
  role: r.role,
  displayName: r.display_name,
  cameraId: r.camera_id,
  screenId: r.screen_id,
  token: r.token,
  expiresAt: r.expires_at,
});

/** SQLite table access for the Janus adapters (shared by JanusRooms and JanusTrackRecordings). */
export class JanusGrants {
  constructor(private readonly db: Db) {
    ensureSchema(db, SCHEMA);
  }

  roomByName(name: string): RoomRow | null {
    const row = this.db.prepare('SELECT * FROM janus_rooms WHERE room_name = ?').get(name) as RawRoom | undefined;
    return row ? toRoom(row) : null;
  }

  roomById(id: number): RoomRow | null {
    const row = this.db.prepare('SELECT * FROM janus_rooms WHERE room_id = ?').get(id) as RawRoom | undefined;
    return row ? toRoom(row) : null;
  }

  saveRoom(room: RoomRow, now: Date): void {
    this.db
      .prepare('INSERT OR REPLACE INTO janus_rooms (room_name, room_id, secret, rec_dir, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(room.roomName, room.roomId, room.secret, room.recDir, now.toISOString());
  }

  /** Inserts a grant; false when a publisher id collides (caller retries with new ids). */
  tryAddGrant(grant: GrantRow, now: Date): boolean {
    try {
      this.db
        .prepare(
          `INSERT INTO janus_grants (room_id, identity, role, display_name, camera_id, screen_id, token, expires_at, created_at)
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
           WHERE NOT EXISTS (SELECT 1 FROM janus_grants WHERE room_id = ? AND (camera_id IN (?, ?) OR screen_id IN (?, ?)))`,
        )
        .run(
          grant.roomId, grant.identity, grant.role, grant.displayName, grant.cameraId, grant.screenId, grant.token,
          grant.expiresAt, now.toISOString(), grant.roomId, grant.cameraId, grant.screenId, grant.cameraId, grant.screenId,
        );
      return this.db.prepare('SELECT 1 FROM janus_grants WHERE room_id = ? AND token = ?').get(grant.roomId, grant.token) !== undefined;
    } catch (e) {
      if (e instanceof Error && /UNIQUE/.test(e.message)) return false;
      throw e;
    }
  }

  /** Tokens past their grant's expiry and not yet taken off the room's allowed list. */
  expiredTokens(roomId: number, now: Date): string[] {
    return (this.db.prepare('SELECT token FROM janus_grants WHERE room_id = ? AND revoked = 0 AND expires_at < ?').all(roomId, now.toISOString()) as Array<{ token: string }>).map((r) => r.token);
  }

  markRevoked(roomId: number, tokens: string[]): void {
    const mark = this.db.prepare('UPDATE janus_grants SET revoked = 1 WHERE room_id = ? AND token = ?');
    this.db.transaction(() => tokens.forEach((t) => mark.run(roomId, t)))();
  }

  grantsOf(roomId: number, identity: string): GrantRow[] {
    return (this.db.prepare('SELECT * FROM janus_grants WHERE room_id = ? AND identity = ?').all(roomId, identity) as RawGrant[]).map(toGrant);
  }

  /** Who owns a publisher id in a room, and whether it is their camera or screen feed. */
  publisher(roomId: number, publisherId: number): { grant: GrantRow; source: PublisherSource } | null {
    const row = this.db
      .prepare('SELECT * FROM janus_grants WHERE room_id = ? AND (camera_id = ? OR screen_id = ?)')
      .get(roomId, publisherId, publisherId) as RawGrant | undefined;
    if (!row) return null;
    return { grant: toGrant(row), source: row.camera_id === publisherId ? 'camera' : 'screen' };
  }
}
