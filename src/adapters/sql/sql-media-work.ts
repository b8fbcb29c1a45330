import { randomBytes } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { MediaWorkTable, StoreTables } from './schema';

/** `discarded`: a finished video whose file is to be deleted where it was published (retention, a superseded finish). */
export type MediaWorkState = 'waiting' | 'working' | 'submitted' | 'done' | 'failed' | 'discarded';

/**
 * One row of the media worker's queue (table ve_media_work, 0016), of one of two kinds:
 * - a speaker's transcript (`MW…`): FLAC for Voice Intelligence;
 * - a finished video (`FN-<attempt>-<recordingId>`, the finish id): the composition blurred and
 *   muted, published for viewers (#22). Its `media_ref` is the published file, kept until retention.
 */
export interface MediaWork {
  /** `MW…`: the transcript id the pipeline job waits on; or the finish id the job's video waits on. */
  id: string;
  roomName: string;
  compositionId: string;
  /** Voice Intelligence's `customer_key`: the pipeline's speaker key (a finished video: its finish id). */
  customerKey: string;
  state: MediaWorkState;
  /** Claims so far (a worker killed mid-file counts one). */
  attempts: number;
  notBefore: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  /** Voice Intelligence's `GT…`, once created. */
  transcriptSid: string | null;
  /** Where the FLAC or the finished video was put (a file name, a URL of the worker's, an object key). */
  mediaRef: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MediaWorkStats {
  /** Rows a worker still has to make FLAC of (waiting or being worked on). */
  queueDepth: number;
  working: number;
  submitted: number;
  /** Creation time of the oldest row not yet at Voice Intelligence. */
  oldestWaitingSince: string | null;
}

const toWork = (r: Selectable<MediaWorkTable>): MediaWork => ({
  id: r.id,
  roomName: r.room_name,
  compositionId: r.composition_id,
  customerKey: r.customer_key,
  state: r.state as MediaWorkState,
  attempts: Number(r.attempts),
  notBefore: r.not_before,
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
  transcriptSid: r.transcript_sid,
  mediaRef: r.media_ref,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const VIDEO_ID_PREFIX = 'FN-';
/** A finished video's row (its id is the finish id, `FN-…`), not a transcript's. */
export const isVideoWork = (w: Pick<MediaWork, 'id'>): boolean => w.id.startsWith(VIDEO_ID_PREFIX);
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type Eb = ExpressionBuilder<StoreTables, 've_media_work'>;
/** Claimable: waiting and due, or worked on by a worker whose lease ran out (killed mid-file). */
const claimable = (now: string) => (eb: Eb) =>
  eb.or([eb.and([eb('state', '=', 'waiting'), eb('not_before', '<=', now)]), eb.and([eb('state', '=', 'working'), eb('lease_until', '<', now)])]);
/** A submitted row nobody is following up on (or whose follower's lease ran out). */
const followable = (now: string) => (eb: Eb) => eb.and([eb('state', '=', 'submitted'), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])]);

/**
 * The media worker's queue. Claims are the store's lease pattern (sql-pipeline-store.ts): one
 * conditional UPDATE decides the winner (a row lock on PostgreSQL), so several workers can run
 * side by side and a dead worker's row is taken over once its lease ends. Nothing is held in a
 * worker's memory that the row does not also say.
 */
export class SqlMediaWork {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async enqueue(w: { roomName: string; compositionId: string; customerKey: string; notBefore: string; now: string }): Promise<MediaWork> {
    const row = {
      id: `MW${randomBytes(16).toString('hex')}`,
      room_name: w.roomName,
      composition_id: w.compositionId,
      customer_key: w.customerKey,
      state: 'waiting',
      attempts: 0,
      not_before: w.notBefore,
      created_at: w.now,
      updated_at: w.now,
    };
    await this.db.insertInto('ve_media_work').values(row).execute();
    return toWork({ ...row, lease_owner: null, lease_until: null, transcript_sid: null, media_ref: null, error: null });
  }

  /**
   * A finished video to make: the row's id is the finish id, so asking again (every later step of
   * the pipeline does, until it is reported) adds nothing. Returns the row as it stands.
   */
  async enqueueVideo(w: { finishId: string; roomName: string; compositionId: string; now: string }): Promise<MediaWork> {
    await this.db
      .insertInto('ve_media_work')
      .values({
        id: w.finishId,
        room_name: w.roomName,
        composition_id: w.compositionId,
        customer_key: w.finishId,
        state: 'waiting',
        attempts: 0,
        not_before: w.now,
        created_at: w.now,
        updated_at: w.now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return (await this.get(w.finishId)) as MediaWork;
  }

  async get(id: string): Promise<MediaWork | null> {
    const r = await this.db.selectFrom('ve_media_work').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toWork(r) : null;
  }

  async findByTranscriptSid(sid: string): Promise<MediaWork | null> {
    const r = await this.db.selectFrom('ve_media_work').selectAll().where('transcript_sid', '=', sid).executeTakeFirst();
    return r ? toWork(r) : null;
  }

  /** The oldest claimable row, now this worker's until `leaseUntil` (its attempts counted); null when none is due. */
  async claimNext(owner: string, now: string, leaseUntil: string): Promise<MediaWork | null> {
    for (let round = 0; round < 3; round++) {
      const candidates = await this.db
        .selectFrom('ve_media_work')
        .select(['id', 'attempts'])
        .where(claimable(now))
        .orderBy('not_before')
        .orderBy('created_at')
        .limit(5)
        .execute();
      if (candidates.length === 0) return null;
      for (const c of candidates) {
        const r = await this.db
          .updateTable('ve_media_work')
          .set({ state: 'working', lease_owner: owner, lease_until: leaseUntil, attempts: Number(c.attempts) + 1, updated_at: now })
          .where('id', '=', c.id)
          .where('attempts', '=', c.attempts)
          .where(claimable(now))
          .executeTakeFirst();
        if (r.numUpdatedRows === 1n) return this.get(c.id);
      }
    }
    return null;
  }

  /** Keeps a claim alive while its file is worked on; false when it was lost (taken over, or finished elsewhere). */
  async renew(id: string, owner: string, leaseUntil: string): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_media_work')
      .set({ lease_until: leaseUntil })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', 'in', ['working', 'submitted'])
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** The transcript exists at Voice Intelligence: recorded only while this worker still holds the row. */
  async submitted(id: string, owner: string, transcriptSid: string, mediaRef: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_media_work')
      .set({ state: 'submitted', transcript_sid: transcriptSid, media_ref: mediaRef, lease_owner: null, lease_until: null, error: null, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'working')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** The finished video is published at `mediaRef`: recorded only while this worker still holds the row. */
  async videoPublished(id: string, owner: string, mediaRef: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_media_work')
      .set({ media_ref: mediaRef, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'working')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** The finished video was reported to the pipeline; its file stays (unlike a FLAC) until retention discards it. */
  async videoDone(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('ve_media_work')
      .set({ state: 'done', lease_owner: null, lease_until: null, error: null, updated_at: now })
      .where('id', '=', id)
      .where('state', 'in', ['waiting', 'working'])
      .execute();
  }

  /**
   * Every finished video of a room (made, being made, or to be made) is to go: its file is deleted
   * by the worker that can reach it (removeSpentMedia), and no worker makes it any more. Returns
   * how many rows were still to discard.
   */
  async discardVideos(roomName: string, now: string): Promise<number> {
    const r = await this.db
      .updateTable('ve_media_work')
      .set({ state: 'discarded', lease_owner: null, lease_until: null, updated_at: now })
      .where('room_name', '=', roomName)
      .where('id', 'like', `${VIDEO_ID_PREFIX}%`)
      .where('state', '!=', 'discarded')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** One finished video no longer awaited (a later attempt won, the recording failed): its file goes too. */
  async discardVideo(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('ve_media_work')
      .set({ state: 'discarded', lease_owner: null, lease_until: null, updated_at: now })
      .where('id', '=', id)
      .where('state', '!=', 'discarded')
      .execute();
  }

  /** Finished videos of a room still kept (not discarded), published or on their way. */
  async videosKept(roomName: string): Promise<number> {
    const r = await this.db
      .selectFrom('ve_media_work')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('room_name', '=', roomName)
      .where('id', 'like', `${VIDEO_ID_PREFIX}%`)
      .where('state', '!=', 'discarded')
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Discarded finished videos whose file is still where `refPrefix` says (one worker's folder, or the bucket). */
  async spentVideos(refPrefix: string, limit: number): Promise<MediaWork[]> {
    const rows = await this.db
      .selectFrom('ve_media_work')
      .selectAll()
      .where('id', 'like', `${VIDEO_ID_PREFIX}%`)
      .where('state', '=', 'discarded')
      .where('media_ref', 'like', `${escapeLike(refPrefix)}%`)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map(toWork);
  }

  /** Back to the queue after a failed attempt, not before `notBefore`. */
  async retryLater(id: string, owner: string, notBefore: string, error: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_media_work')
      .set({ state: 'waiting', not_before: notBefore, lease_owner: null, lease_until: null, error, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'working')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Given up by the worker holding it; true when this call made it so. */
  async fail(id: string, owner: string, error: string, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_media_work')
      .set({ state: 'failed', lease_owner: null, lease_until: null, error, updated_at: now })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', 'in', ['working', 'submitted'])
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  /** Nothing more to do for it (its transcript was read, or given up by the pipeline). Idempotent. */
  async finish(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('ve_media_work')
      .set({ state: 'done', lease_owner: null, lease_until: null, updated_at: now })
      .where('id', '=', id)
      .where('state', '!=', 'done')
      .execute();
  }

  /** A submitted row untouched since `quietSince`, now this worker's to follow up on (lost webhook, failed transcript, orphan). */
  async claimFollowUp(owner: string, quietSince: string, now: string, leaseUntil: string): Promise<MediaWork | null> {
    const candidates = await this.db
      .selectFrom('ve_media_work')
      .select('id')
      .where(followable(now))
      .where('updated_at', '<', quietSince)
      .orderBy('updated_at')
      .limit(5)
      .execute();
    for (const c of candidates) {
      const r = await this.db
        .updateTable('ve_media_work')
        .set({ lease_owner: owner, lease_until: leaseUntil })
        .where('id', '=', c.id)
        .where(followable(now))
        .where('updated_at', '<', quietSince)
        .executeTakeFirst();
      if (r.numUpdatedRows === 1n) return this.get(c.id);
    }
    return null;
  }

  /** A follow-up found nothing to do yet: look again after another quiet period. */
  async followedUp(id: string, owner: string, now: string): Promise<void> {
    await this.db
      .updateTable('ve_media_work')
      .set({ lease_owner: null, lease_until: null, updated_at: now })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('state', '=', 'submitted')
      .execute();
  }

  /** Finished transcript rows whose FLAC may still sit where it was published (a bucket keeps it until deleted). */
  async spentMedia(limit: number): Promise<MediaWork[]> {
    const rows = await this.db
      .selectFrom('ve_media_work')
      .selectAll()
      .where('state', 'in', ['done', 'failed'])
      .where('media_ref', 'is not', null)
      // A finished video's file is what viewers play: it stays until retention discards it.
      .where('id', 'not like', `${VIDEO_ID_PREFIX}%`)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map(toWork);
  }

  async mediaRemoved(id: string): Promise<void> {
    await this.db.updateTable('ve_media_work').set({ media_ref: null }).where('id', '=', id).execute();
  }

  async stats(): Promise<MediaWorkStats> {
    const rows = await this.db
      .selectFrom('ve_media_work')
      .select((eb) => ['state', eb.fn.countAll<number | string | bigint>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('state', 'in', ['waiting', 'working', 'submitted'])
      .groupBy('state')
      .execute();
    const count = (s: MediaWorkState) => Number(rows.find((r) => r.state === s)?.n ?? 0);
    const oldest = rows
      .filter((r) => r.state === 'waiting' || r.state === 'working')
      .map((r) => String(r.oldest))
      .sort()[0];
    return { queueDepth: count('waiting') + count('working'), working: count('working'), submitted: count('submitted'), oldestWaitingSince: oldest ?? null };
  }
}
