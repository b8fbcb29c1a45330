import { sql, type Kysely, type Selectable } from 'kysely';
import type { ClipViewRecord } from '../../domain/clip-views';
import type { ClipViewStore } from '../../ports/clip-view-store';
import type { ClipViewsTable, StoreTables } from './schema';

const toView = (r: Selectable<ClipViewsTable>): ClipViewRecord => ({
  clipId: r.clip_id,
  viewer: r.viewer,
  recordingId: r.recording_id,
  conversationId: r.conversation_id,
  openedAt: r.opened_at,
  furthestSeconds: Number(r.furthest_seconds),
  completed: Number(r.completed) === 1,
  ...(r.completed_at ? { completedAt: r.completed_at } : {}),
  lastEventAt: r.last_event_at,
});

/** Viewer events as plain columns (analytics will query them). Same SQL on both engines. */
export class SqlClipViews implements ClipViewStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async get(clipId: string, viewer: string): Promise<ClipViewRecord | null> {
    const row = await this.db.selectFrom('ve_clip_views').selectAll().where('clip_id', '=', clipId).where('viewer', '=', viewer).executeTakeFirst();
    return row ? toView(row) : null;
  }

  async record(v: ClipViewRecord): Promise<ClipViewRecord> {
    // One statement, so racing writers cannot lower what another stored: CASE and COALESCE rather
    // than MAX()/GREATEST(), which the two engines spell differently.
    const row = await this.db
      .insertInto('ve_clip_views')
      .values({
        clip_id: v.clipId,
        viewer: v.viewer,
        recording_id: v.recordingId,
        conversation_id: v.conversationId,
        opened_at: v.openedAt,
        furthest_seconds: v.furthestSeconds,
        completed: v.completed ? 1 : 0,
        completed_at: v.completedAt ?? null,
        last_event_at: v.lastEventAt,
      })
      .onConflict((oc) =>
        oc.columns(['clip_id', 'viewer']).doUpdateSet({
          furthest_seconds: sql<number>`CASE WHEN excluded.furthest_seconds > ve_clip_views.furthest_seconds
            THEN excluded.furthest_seconds ELSE ve_clip_views.furthest_seconds END`,
          completed: sql<number>`CASE WHEN excluded.completed = 1 OR ve_clip_views.completed = 1 THEN 1 ELSE 0 END`,
          completed_at: sql<string | null>`COALESCE(ve_clip_views.completed_at, excluded.completed_at)`,
          last_event_at: sql<string>`CASE WHEN excluded.last_event_at > ve_clip_views.last_event_at
            THEN excluded.last_event_at ELSE ve_clip_views.last_event_at END`,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toView(row);
  }

  async listByClip(clipId: string): Promise<ClipViewRecord[]> {
    const rows = await this.db.selectFrom('ve_clip_views').selectAll().where('clip_id', '=', clipId).orderBy('opened_at').orderBy('viewer').execute();
    return rows.map(toView);
  }

  async deleteViews(clipIds: readonly string[], viewer: string): Promise<number> {
    if (clipIds.length === 0) return 0;
    const r = await this.db.deleteFrom('ve_clip_views').where('clip_id', 'in', [...clipIds]).where('viewer', '=', viewer).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
