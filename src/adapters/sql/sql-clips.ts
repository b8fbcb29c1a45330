import type { Kysely } from 'kysely';
import type { Clip } from '../../domain/clip';
import type { ClipStore } from '../../ports/clip-store';
import type { StoreTables } from './schema';
import { jsonFieldLike } from './json-field-like';

const toClip = (row: { record_json: string } | undefined): Clip | null => (row ? (JSON.parse(row.record_json) as Clip) : null);

/** Clips as JSON records, with the columns we find them by. Same SQL on both engines. */
export class SqlClips implements ClipStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async insert(c: Clip): Promise<void> {
    await this.db
      .insertInto('ve_clips')
      .values({
        id: c.id,
        conversation_id: c.conversationId,
        room_name: c.roomName ?? null,
        status: c.status,
        version: c.version,
        created_at: c.createdAt,
        record_json: JSON.stringify(c),
      })
      .execute();
  }

  async get(id: string): Promise<Clip | null> {
    return toClip(await this.db.selectFrom('ve_clips').select('record_json').where('id', '=', id).executeTakeFirst());
  }

  async findByRoomName(roomName: string): Promise<Clip | null> {
    return toClip(await this.db.selectFrom('ve_clips').select('record_json').where('room_name', '=', roomName).executeTakeFirst());
  }

  async listByConversation(conversationId: string): Promise<Clip[]> {
    const rows = await this.db
      .selectFrom('ve_clips')
      .select('record_json')
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.record_json) as Clip);
  }

  async listByAuthorIdentity(authorIdentity: string): Promise<Clip[]> {
    // No column for it (erasure is rare): a LIKE over the JSON narrows, the exact compare decides.
    const rows = await this.db
      .selectFrom('ve_clips')
      .select('record_json')
      .where(jsonFieldLike('authorIdentity', authorIdentity))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.record_json) as Clip).filter((c) => c.authorIdentity === authorIdentity);
  }

  async listOpenTakes(): Promise<Clip[]> {
    const rows = await this.db
      .selectFrom('ve_clips')
      .select('record_json')
      .where('status', 'in', ['recording', 'paused'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.record_json) as Clip);
  }

  async saveIfUnchanged(c: Clip): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_clips')
      .set({ room_name: c.roomName ?? null, status: c.status, version: c.version, record_json: JSON.stringify(c) })
      .where('id', '=', c.id)
      .where('version', '=', c.version - 1)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }
}
