import { openDb, type Db } from '../local/db';
import { openSqliteStore, type SqlStore } from './database';
import { isVideoWork, SqlMediaWork } from './sql-media-work';

/** The media worker's queue on the embedded engine (PostgreSQL runs the same statements in tests/contract/twilio-media-worker.test.ts). */
describe('SqlMediaWork', () => {
  let db: Db;
  let store: SqlStore;
  let work: SqlMediaWork;
  const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
  const enqueue = (composition: string, notBefore = t(0)) =>
    work.enqueue({ roomName: 'esc-1', compositionId: composition, customerKey: `RE1/${composition}`, notBefore, now: t(0) });

  beforeEach(async () => {
    db = openDb(':memory:');
    store = await openSqliteStore(db);
    work = new SqlMediaWork(store.db);
  });
  afterEach(async () => {
    await store.close();
    db.close();
  });

  it('gives each due row to one claimer, oldest first, and counts the attempt', async () => {
    const a = await enqueue('CJa');
    const b = await enqueue('CJb');
    expect(a.id).toMatch(/^MW[0-9a-f]{32}$/);
    const claims = await Promise.all([work.claimNext('w1', t(1), t(61)), work.claimNext('w2', t(1), t(61)), work.claimNext('w3', t(1), t(61))]);
    const got = claims.filter(Boolean).map((c) => [c!.id, c!.leaseOwner, c!.attempts, c!.state]);
    expect(got.map((g) => g[0]).sort()).toEqual([a.id, b.id].sort());
    expect(new Set(got.map((g) => g[1])).size).toBe(2);
    expect(got.every((g) => g[2] === 1 && g[3] === 'working')).toBe(true);
    expect(await work.claimNext('w4', t(2), t(62))).toBeNull();
  });

  it('waits for not_before, and takes over a row whose worker stopped renewing (a killed copy)', async () => {
    const row = await enqueue('CJa', t(10));
    expect(await work.claimNext('w1', t(5), t(65))).toBeNull();
    expect((await work.claimNext('w1', t(10), t(20)))?.id).toBe(row.id);
    expect(await work.renew(row.id, 'w1', t(30))).toBe(true);
    expect(await work.claimNext('w2', t(25), t(85))).toBeNull(); // still leased
    const taken = await work.claimNext('w2', t(31), t(91));
    expect(taken).toMatchObject({ id: row.id, leaseOwner: 'w2', attempts: 2 });
    // The dead copy's late writes change nothing.
    expect(await work.renew(row.id, 'w1', t(99))).toBe(false);
    expect(await work.submitted(row.id, 'w1', `GT${'1'.repeat(32)}`, 'x.flac', t(32))).toBe(false);
    expect(await work.submitted(row.id, 'w2', `GT${'2'.repeat(32)}`, 'x.flac', t(33))).toBe(true);
    expect(await work.findByTranscriptSid(`GT${'2'.repeat(32)}`)).toMatchObject({ id: row.id, state: 'submitted', leaseOwner: null });
  });

  it('puts a failed attempt back for later, fails a row only for its holder, and finishes idempotently', async () => {
    const row = await enqueue('CJa');
    await work.claimNext('w1', t(1), t(61));
    expect(await work.retryLater(row.id, 'w1', t(9), 'ffmpeg failed', t(2))).toBe(true);
    expect(await work.get(row.id)).toMatchObject({ state: 'waiting', notBefore: t(9), error: 'ffmpeg failed', leaseOwner: null });
    expect(await work.claimNext('w1', t(8), t(68))).toBeNull();
    await work.claimNext('w1', t(9), t(69));
    expect(await work.fail(row.id, 'w2', 'no', t(10))).toBe(false);
    expect(await work.fail(row.id, 'w1', 'gave up', t(10))).toBe(true);
    await work.finish(row.id, t(11));
    await work.finish(row.id, t(12));
    expect(await work.get(row.id)).toMatchObject({ state: 'done', updatedAt: t(11) });
  });

  it('hands a quiet submitted row to one follower at a time', async () => {
    const row = await enqueue('CJa');
    await work.claimNext('w1', t(1), t(61));
    await work.submitted(row.id, 'w1', `GT${'3'.repeat(32)}`, 'x.flac', t(2));
    expect(await work.claimFollowUp('w1', t(2), t(3), t(63))).toBeNull(); // not quiet long enough
    expect((await work.claimFollowUp('w1', t(5), t(6), t(66)))?.id).toBe(row.id);
    expect(await work.claimFollowUp('w2', t(5), t(7), t(67))).toBeNull();
    await work.followedUp(row.id, 'w1', t(8));
    expect(await work.claimFollowUp('w2', t(5), t(9), t(69))).toBeNull(); // touched at 8: quiet again only later
    expect((await work.claimFollowUp('w2', t(9), t(10), t(70)))?.id).toBe(row.id);
  });

  it('reports the queue: depth, rows at work and at Voice Intelligence, and since when the oldest waits', async () => {
    expect(await work.stats()).toEqual({ queueDepth: 0, working: 0, submitted: 0, oldestWaitingSince: null });
    const a = await enqueue('CJa');
    await work.enqueue({ roomName: 'esc-2', compositionId: 'CJb', customerKey: 'k', notBefore: t(5), now: t(5) });
    const c = await work.enqueue({ roomName: 'esc-3', compositionId: 'CJc', customerKey: 'k', notBefore: t(6), now: t(6) });
    await work.claimNext('w1', t(7), t(67)); // takes a
    await work.claimNext('w1', t(7), t(67)); // takes b
    await work.submitted(a.id, 'w1', `GT${'4'.repeat(32)}`, 'a.flac', t(8));
    await work.finish(c.id, t(9));
    expect(await work.stats()).toEqual({ queueDepth: 1, working: 1, submitted: 1, oldestWaitingSince: t(5) });
  });

  it('keeps a finished video: one row per finish id, its file not swept like a FLAC, removed only once discarded, by the copy that holds it', async () => {
    const video = { finishId: 'FN-1-RE1', roomName: 'esc-1', compositionId: 'CJv', now: t(0) };
    const row = await work.enqueueVideo(video);
    expect(row).toMatchObject({ id: 'FN-1-RE1', state: 'waiting', compositionId: 'CJv', mediaRef: null });
    expect(isVideoWork(row)).toBe(true);
    expect(isVideoWork(await enqueue('CJa'))).toBe(false);
    await work.enqueueVideo({ ...video, now: t(5) }); // asked again by a later pipeline step: nothing new
    expect((await work.get('FN-1-RE1'))?.createdAt).toBe(t(0));

    const claimed = await work.claimNext('w1', t(1), t(61));
    expect(claimed?.id).toBe('FN-1-RE1'); // the oldest row, whatever its kind
    const ref = 'http://worker-a/videos/FN-1-RE1.mp4';
    expect(await work.videoPublished('FN-1-RE1', 'w2', ref, t(2))).toBe(false); // not its holder
    expect(await work.videoPublished('FN-1-RE1', 'w1', ref, t(2))).toBe(true);
    await work.videoDone('FN-1-RE1', t(3));
    expect(await work.get('FN-1-RE1')).toMatchObject({ state: 'done', mediaRef: ref, leaseOwner: null });
    expect(await work.spentMedia(10)).toEqual([]); // viewers still play it
    expect(await work.videosKept('esc-1')).toBe(1);

    expect(await work.discardVideos('esc-1', t(4))).toBe(1);
    expect(await work.discardVideos('esc-1', t(5))).toBe(0);
    expect(await work.videosKept('esc-1')).toBe(0);
    await work.videoDone('FN-1-RE1', t(6)); // a late report does not bring it back
    expect((await work.get('FN-1-RE1'))?.state).toBe('discarded');
    expect(await work.spentVideos('http://worker-b/videos/', 10)).toEqual([]); // another copy cannot reach it
    expect((await work.spentVideos('http://worker-a/videos/', 10)).map((w) => w.id)).toEqual(['FN-1-RE1']);
    await work.mediaRemoved('FN-1-RE1');
    expect(await work.spentVideos('http://worker-a/videos/', 10)).toEqual([]);
  });
});
