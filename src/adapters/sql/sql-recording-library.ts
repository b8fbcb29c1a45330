import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { LibraryState, RecordingKind } from '../../api/library-contract';
import type { Clip } from '../../domain/clip';
import type { MediaDeletionReason } from '../../domain/privacy';
import type { RecordingReview, StaffStamp } from '../../api/transcript-corrections-contract';
import type {
  LibraryProgress,
  LibraryQueryFilter,
  LibraryRecord,
  LineHit,
  ListPosition,
  RecordingLibrary,
  TranscriptCorrection,
  TranscriptLine,
} from '../../ports/recording-library';
import type { RecordingsTable, SqlEngine, StoreTables } from './schema';
import { fts5Expression, MATCH_END, MATCH_START, rangesFromMarked, withoutMarkers } from './highlight-ranges';

/** See migration 0011: sort key = end second × SLOTS + slot; line id = sort key × LINES + (LINES − 1 − index). */
const SLOTS = 512;
const LINES = 4096;
const LINES_PER_SECOND = SLOTS * LINES;
const INSERT_ATTEMPTS = 8;

/**
 * A clip's author is not copied into the library: it is read from the clip's own row (its
 * pipeline job's room is the clip's sent take), so every clip ever listed has it. Calls join
 * nothing. `clip_json` is that row's record.
 */
const CLIP_OF_RECORDING = sql`LEFT JOIN ve_pipeline_jobs author_job ON r.kind = 'clip' AND author_job.recording_id = r.recording_id
  LEFT JOIN ve_clips author_clip ON author_clip.room_name = author_job.room_name`;
const CLIP_JSON = sql`author_clip.record_json AS clip_json`;

/** The review state people set (0019): the recording's own mark, its conversation's requirement. */
const REVIEW_OF_RECORDING = sql`LEFT JOIN ve_recording_reviews rv ON rv.recording_id = r.recording_id
  LEFT JOIN ve_review_requirements rq ON rq.conversation_id = r.conversation_id`;
const REVIEW_COLUMNS = sql`rv.reviewed_by, rv.reviewed_by_name, rv.reviewed_at, rq.required_by, rq.required_by_name, rq.required_at`;

interface ReviewColumns {
  reviewed_by?: string | null;
  reviewed_by_name?: string | null;
  reviewed_at?: string | null;
  required_by?: string | null;
  required_by_name?: string | null;
  required_at?: string | null;
}

type RecordingRow = Selectable<RecordingsTable> & { clip_json?: string | null } & ReviewColumns;

const stamp = (identity: string | null | undefined, name: string | null | undefined, at: string | null | undefined): StaffStamp | undefined =>
  identity && at ? { identity, ...(name ? { name } : {}), at } : undefined;

function reviewOf(r: ReviewColumns): { review?: RecordingReview } {
  const required = stamp(r.required_by, r.required_by_name, r.required_at);
  const reviewed = stamp(r.reviewed_by, r.reviewed_by_name, r.reviewed_at);
  return required || reviewed ? { review: { ...(required ? { required } : {}), ...(reviewed ? { reviewed } : {}) } } : {};
}

const clipAuthorRole = (clipJson: string | null | undefined) => (clipJson ? { clipAuthorRole: (JSON.parse(clipJson) as Clip).authorRole } : {});

const toRecord = (r: RecordingRow): LibraryRecord => ({
  recordingId: r.recording_id,
  conversationId: r.conversation_id,
  kind: r.kind as RecordingKind,
  agentIdentity: r.agent_identity,
  agentName: r.agent_name,
  customerName: r.customer_name,
  ...clipAuthorRole(r.clip_json),
  endedAt: r.ended_at,
  durationSeconds: Number(r.duration_seconds),
  state: r.state as LibraryState,
  hasTranscript: Number(r.has_transcript) === 1,
  ...(Number(r.pii) === 1 ? { pii: true } : {}),
  ...(r.media_deleted_at ? { mediaDeleted: { deletedAt: r.media_deleted_at, reason: (r.media_deletion_reason ?? 'retention') as MediaDeletionReason } } : {}),
  ...reviewOf(r),
});

/** The 0013 columns of a record or its progress. */
const privacyColumns = (p: LibraryProgress) => ({
  pii: p.pii ? 1 : 0,
  media_deleted_at: p.mediaDeleted?.deletedAt ?? null,
  media_deletion_reason: p.mediaDeleted?.reason ?? null,
});

const endSecond = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

type HitRow = RecordingRow & {
  line_id: number | string;
  start_seconds: number;
  end_seconds: number;
  speaker: string;
  text: string;
  marked: string;
};

/**
 * The recordings library on either engine. Lists are plain indexed queries; search runs in the
 * engine's own full-text index (FTS5 MATCH or `tsvector @@ plainto_tsquery`) and walks it in line
 * id order, newest recording first, so a page costs about its own size even for common words.
 */
export class SqlRecordingLibrary implements RecordingLibrary {
  constructor(
    private readonly db: Kysely<StoreTables>,
    private readonly engine: SqlEngine,
  ) {}

  async updateProgress(recordingId: string, p: LibraryProgress): Promise<boolean> {
    const result = await this.db
      .updateTable('ve_recordings')
      .set({ state: p.state, duration_seconds: p.durationSeconds, has_transcript: p.hasTranscript ? 1 : 0, ...privacyColumns(p) })
      .where('recording_id', '=', recordingId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async upsert(record: LibraryRecord): Promise<void> {
    const endedAt = new Date(record.endedAt).toISOString();
    const columns = {
      conversation_id: record.conversationId,
      kind: record.kind,
      agent_identity: record.agentIdentity,
      agent_name: record.agentName,
      customer_name: record.customerName,
      ended_at: endedAt,
      duration_seconds: record.durationSeconds,
      state: record.state,
      has_transcript: record.hasTranscript ? 1 : 0,
      ...privacyColumns(record),
    };
    // A racing writer may take the same tie slot (unique sort_key) or insert the same recording
    // (primary key): look again and retry.
    for (let attempt = 1; ; attempt++) {
      try {
        const updated = await this.db.updateTable('ve_recordings').set(columns).where('recording_id', '=', record.recordingId).executeTakeFirst();
        if (Number(updated.numUpdatedRows) > 0) return;
        const sortKey = await this.freeSortKey(endSecond(endedAt));
        await this.db.insertInto('ve_recordings').values({ recording_id: record.recordingId, sort_key: sortKey, ...columns }).execute();
        return;
      } catch (err) {
        if (attempt >= INSERT_ATTEMPTS) throw err;
      }
    }
  }

  /** The next tie slot of recordings that ended in the same second. */
  private async freeSortKey(second: number): Promise<number> {
    const base = second * SLOTS;
    const row = await this.db
      .selectFrom('ve_recordings')
      .select((eb) => eb.fn.max('sort_key').as('top'))
      .where('sort_key', '>=', base)
      .where('sort_key', '<', base + SLOTS)
      .executeTakeFirst();
    const next = row?.top === null || row?.top === undefined ? base : Number(row.top) + 1;
    if (next >= base + SLOTS) throw new Error(`more than ${SLOTS} recordings ended in one second`);
    return next;
  }

  async replaceLines(recordingId: string, lines: TranscriptLine[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('ve_recordings').select('sort_key').where('recording_id', '=', recordingId).executeTakeFirst();
      if (!row) throw new Error(`recording ${recordingId} is not in the library`);
      await trx.deleteFrom('ve_transcript_lines').where('recording_id', '=', recordingId).execute();
      // No lines left (erasure, transcript retention): the corrections' before and after texts go too.
      if (lines.length === 0) await trx.deleteFrom('ve_transcript_corrections').where('recording_id', '=', recordingId).execute();
      // Lines past LINES (hours of talk) are not indexed; the transcript itself keeps them.
      const values = lines.slice(0, LINES).map((l, i) => ({
        line_id: Number(row.sort_key) * LINES + (LINES - 1 - i),
        recording_id: recordingId,
        start_seconds: l.start,
        end_seconds: l.end,
        speaker: l.speaker,
        text: withoutMarkers(l.text),
      }));
      for (let i = 0; i < values.length; i += 500) await trx.insertInto('ve_transcript_lines').values(values.slice(i, i + 500)).execute();
    });
  }

  async get(recordingId: string): Promise<LibraryRecord | null> {
    const { rows } = await sql<RecordingRow>`SELECT r.*, ${CLIP_JSON}, ${REVIEW_COLUMNS} FROM ve_recordings r ${CLIP_OF_RECORDING} ${REVIEW_OF_RECORDING}
      WHERE r.recording_id = ${recordingId}`.execute(this.db);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list({ filter, after, limit }: { filter: LibraryQueryFilter; after?: ListPosition; limit: number }): Promise<LibraryRecord[]> {
    const conditions = filterConditions(filter);
    if (after) {
      conditions.push(sql`(r.ended_at < ${after.endedAt} OR (r.ended_at = ${after.endedAt} AND r.recording_id < ${after.recordingId}))`);
    }
    const { rows } = await sql<RecordingRow>`SELECT r.*, ${CLIP_JSON}, ${REVIEW_COLUMNS} FROM ve_recordings r ${CLIP_OF_RECORDING} ${REVIEW_OF_RECORDING} WHERE ${and(conditions)}
      ORDER BY r.ended_at DESC, r.recording_id DESC LIMIT ${limit}`.execute(this.db);
    return rows.map(toRecord);
  }

  async search(query: { text: string; filter: LibraryQueryFilter; afterKey?: string; limit: number }): Promise<LineHit[]> {
    const conditions = filterConditions(query.filter);
    const { lo, hi } = lineIdRange(query.filter, query.afterKey);
    // Control characters are no words; NUL would not even reach PostgreSQL as text.
    const text = query.text.replace(/[\u0000-\u001f\u007f]/g, ' ');
    const rows = this.engine === 'sqlite' ? await this.searchFts5(text, conditions, lo, hi, query.limit) : await this.searchPostgres(text, conditions, lo, hi, query.limit);
    return rows.map((r) => ({
      lineKey: String(r.line_id),
      recording: toRecord(r),
      start: Number(r.start_seconds),
      end: Number(r.end_seconds),
      speaker: r.speaker,
      text: r.text,
      highlights: rangesFromMarked(r.marked, r.text),
    }));
  }

  /** FTS5 is the outer loop (CROSS JOIN keeps it there), walked by rowid descending up to LIMIT. */
  private async searchFts5(text: string, conditions: RawBuilder<unknown>[], lo: number, hi: number, limit: number): Promise<HitRow[]> {
    const expression = fts5Expression(text);
    if (!expression) return [];
    const { rows } = await sql<HitRow>`SELECT l.line_id, l.start_seconds, l.end_seconds, l.speaker, l.text,
        highlight(ve_transcript_fts, 0, ${MATCH_START}, ${MATCH_END}) AS marked, r.*, ${CLIP_JSON}, ${REVIEW_COLUMNS}
      FROM ve_transcript_fts
      CROSS JOIN ve_transcript_lines l ON l.line_id = ve_transcript_fts.rowid
      CROSS JOIN ve_recordings r ON r.recording_id = l.recording_id
      ${CLIP_OF_RECORDING} ${REVIEW_OF_RECORDING}
      WHERE ve_transcript_fts MATCH ${expression} AND ve_transcript_fts.rowid >= ${lo} AND ve_transcript_fts.rowid < ${hi}
        AND ${and(conditions)}
      ORDER BY ve_transcript_fts.rowid DESC LIMIT ${limit}`.execute(this.db);
    return rows;
  }

  /**
   * Newest slices of the line ids first (1/32 of the indexed span, then 8×, 64×): each slice is a
   * bitmap AND of the GIN index and a primary-key range, so a common word fills the page from the
   * latest slice without sorting every match, and a rare word reaches the whole range in a few
   * steps. (One query over the whole range left the planner choosing between sorting all matches
   * and walking every line backwards: bench:search p95 148 ms.)
   */
  private async searchPostgres(text: string, conditions: RawBuilder<unknown>[], lo: number, hi: number, limit: number): Promise<HitRow[]> {
    const { rows } = await sql<{ min: string | null; max: string | null }>`SELECT min(line_id) AS min, max(line_id) AS max
      FROM ve_transcript_lines WHERE line_id >= ${lo} AND line_id < ${hi}`.execute(this.db);
    const [first, last] = [rows[0]?.min, rows[0]?.max];
    if (first === null || first === undefined || last === null || last === undefined) return [];
    const found: HitRow[] = [];
    const bottom = Number(first);
    let upper = Number(last) + 1;
    let width = Math.max(1, Math.ceil((upper - bottom) / 32));
    while (upper > bottom && found.length < limit) {
      const lower = Math.max(bottom, upper - width);
      found.push(...(await this.searchPostgresSlice(text, conditions, lower, upper, limit - found.length)));
      upper = lower;
      width *= 8;
    }
    return found;
  }

  private async searchPostgresSlice(text: string, conditions: RawBuilder<unknown>[], lo: number, hi: number, limit: number): Promise<HitRow[]> {
    const options = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;
    const { rows } = await sql<HitRow>`SELECT h.line_id, h.start_seconds, h.end_seconds, h.speaker, h.text,
        ts_headline('english', h.text, plainto_tsquery('english', ${text}), ${options}) AS marked, r.*, ${CLIP_JSON}, ${REVIEW_COLUMNS}
      FROM (SELECT l.line_id, l.recording_id, l.start_seconds, l.end_seconds, l.speaker, l.text
        FROM ve_transcript_lines l JOIN ve_recordings r ON r.recording_id = l.recording_id
        WHERE l.tsv @@ plainto_tsquery('english', ${text}) AND l.line_id >= ${lo} AND l.line_id < ${hi} AND ${and(conditions)}
        ORDER BY l.line_id DESC LIMIT ${limit}) h
      JOIN ve_recordings r ON r.recording_id = h.recording_id
      ${CLIP_OF_RECORDING} ${REVIEW_OF_RECORDING}
      ORDER BY h.line_id DESC`.execute(this.db);
    return rows;
  }
  async recordCorrection(c: TranscriptCorrection): Promise<void> {
    await this.db
      .insertInto('ve_transcript_corrections')
      .values({
        id: c.id,
        recording_id: c.recordingId,
        line_index: c.line,
        line_start: c.start,
        before_speaker: c.before.speaker,
        before_text: c.before.text,
        after_speaker: c.after.speaker,
        after_text: c.after.text,
        corrected_by: c.by.identity,
        corrected_by_name: c.by.name ?? null,
        corrected_at: c.by.at,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async listCorrections(recordingId: string): Promise<TranscriptCorrection[]> {
    const rows = await this.db
      .selectFrom('ve_transcript_corrections')
      .selectAll()
      .where('recording_id', '=', recordingId)
      .orderBy('corrected_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      recordingId: r.recording_id,
      line: Number(r.line_index),
      start: Number(r.line_start),
      before: { speaker: r.before_speaker, text: r.before_text },
      after: { speaker: r.after_speaker, text: r.after_text },
      by: { identity: r.corrected_by, ...(r.corrected_by_name ? { name: r.corrected_by_name } : {}), at: r.corrected_at },
    }));
  }

  /** Insert-or-nothing on the recording: of two racing marks the database keeps the first. */
  async markReviewed(recordingId: string, by: StaffStamp): Promise<boolean> {
    const row = await this.db.selectFrom('ve_recordings').select('recording_id').where('recording_id', '=', recordingId).executeTakeFirst();
    if (!row) return false;
    await this.db
      .insertInto('ve_recording_reviews')
      .values({ recording_id: recordingId, reviewed_by: by.identity, reviewed_by_name: by.name ?? null, reviewed_at: by.at })
      .onConflict((oc) => oc.column('recording_id').doNothing())
      .execute();
    return true;
  }

  async setReviewRequired(conversationId: string, by: StaffStamp | null): Promise<void> {
    if (!by) {
      await this.db.deleteFrom('ve_review_requirements').where('conversation_id', '=', conversationId).execute();
      return;
    }
    await this.db
      .insertInto('ve_review_requirements')
      .values({ conversation_id: conversationId, required_by: by.identity, required_by_name: by.name ?? null, required_at: by.at })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .execute();
  }
}

function filterConditions(f: LibraryQueryFilter): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (f.agentIdentity !== undefined) c.push(sql`r.agent_identity = ${f.agentIdentity}`);
  if (f.endedFrom !== undefined) c.push(sql`r.ended_at >= ${f.endedFrom}`);
  if (f.endedBefore !== undefined) c.push(sql`r.ended_at < ${f.endedBefore}`);
  if (f.kind !== undefined) c.push(sql`r.kind = ${f.kind}`);
  if (f.minSeconds !== undefined) c.push(sql`r.duration_seconds >= ${f.minSeconds}`);
  if (f.maxSeconds !== undefined) c.push(sql`r.duration_seconds <= ${f.maxSeconds}`);
  if (f.state !== undefined) c.push(sql`r.state = ${f.state}`);
  return c;
}

const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` AND `);

/**
 * The line ids a search may return: the date range as whole seconds (the exact bound is the
 * ended_at condition), below the previous page's last line.
 */
function lineIdRange(f: LibraryQueryFilter, afterKey?: string): { lo: number; hi: number } {
  let lo = 0;
  let hi = Number.MAX_SAFE_INTEGER;
  if (f.endedFrom !== undefined) lo = Math.max(0, endSecond(f.endedFrom) * LINES_PER_SECOND);
  if (f.endedBefore !== undefined) hi = Math.min(hi, (Math.floor((Date.parse(f.endedBefore) - 1) / 1000) + 1) * LINES_PER_SECOND);
  if (afterKey !== undefined) hi = Math.min(hi, Number(afterKey));
  return { lo, hi };
}
