/**
 * The clip viewer-event store (migration 0010), one contract on both engines: embedded SQLite and
 * a private PostgreSQL cluster started for this run, each on a fresh database.
 */
import type { SqlEngine, SqlStore } from '../../src/adapters/sql/database';
import type { ClipViewRecord } from '../../src/domain/clip-views';
import { openTwoConnections, type TwoConnections } from './support/two-connections';

type Opened = TwoConnections;
const openEngine = (engine: SqlEngine) => openTwoConnections(engine, 'clip-views');

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 21, 9, minute)).toISOString();

const view = (over: Partial<ClipViewRecord> = {}): ClipViewRecord => ({
  clipId: 'clip-1',
  viewer: 'customer',
  recordingId: 'RE1',
  conversationId: 'CH1',
  openedAt: at(1),
  furthestSeconds: 0,
  completed: false,
  lastEventAt: at(1),
  ...over,
});

describe.each<SqlEngine>(['sqlite', 'postgres'])('clip views on %s', (engine) => {
  let opened: Opened | undefined;
  const store = (): SqlStore => {
    if (!opened) throw new Error(`${engine} store did not open`);
    return opened.store;
  };

  beforeAll(async () => {
    opened = await openEngine(engine);
  }, 60_000);
  afterAll(async () => opened?.close(), 30_000);

  it('a view reads back whole; unknown clips and viewers read as nothing', async () => {
    const v = view({ furthestSeconds: 12.5 });
    expect(await store().clipViews.record(v)).toEqual(v);
    expect(await store().clipViews.get('clip-1', 'customer')).toEqual(v);
    expect(await store().clipViews.get('clip-1', 'alex')).toBeNull();
    expect(await store().clipViews.get('clip-none', 'customer')).toBeNull();
  });

  it('one row per clip and viewer; the furthest point never shrinks; completion and first times stay', async () => {
    const s = store().clipViews;
    await s.record(view({ clipId: 'c2', furthestSeconds: 40 }));
    // A stale writer (lower position, later event) cannot lower what is stored.
    expect(await s.record(view({ clipId: 'c2', openedAt: at(5), furthestSeconds: 10, lastEventAt: at(5) }))).toEqual(
      view({ clipId: 'c2', furthestSeconds: 40, lastEventAt: at(5) }),
    );
    const done = await s.record(view({ clipId: 'c2', furthestSeconds: 95, completed: true, completedAt: at(6), lastEventAt: at(6) }));
    expect(done).toEqual(view({ clipId: 'c2', furthestSeconds: 95, completed: true, completedAt: at(6), lastEventAt: at(6) }));
    // A late event that says "not completed", with an older time, changes neither.
    expect(await s.record(view({ clipId: 'c2', furthestSeconds: 20, lastEventAt: at(2) }))).toEqual(done);
    expect(await s.record(view({ clipId: 'c2', furthestSeconds: 99, completed: true, completedAt: at(8), lastEventAt: at(8) }))).toEqual({
      ...done,
      furthestSeconds: 99,
      lastEventAt: at(8),
    });
    await s.record(view({ clipId: 'c2', viewer: 'alex', openedAt: at(3), lastEventAt: at(3) }));
    expect((await s.listByClip('c2')).map((v) => [v.viewer, v.furthestSeconds, v.completed])).toEqual([
      ['customer', 99, true],
      ['alex', 0, false],
    ]);
    expect(await s.listByClip('c-none')).toEqual([]);
  });

  it('racing writers on two connections: the largest position wins, whatever the order', async () => {
    if (!opened) throw new Error('not opened');
    const { store: a, other: b } = opened;
    const positions = Array.from({ length: 20 }, (_, i) => (i * 7) % 20);
    await Promise.all(
      positions.map((p, i) => (i % 2 ? a : b).clipViews.record(view({ clipId: 'race', furthestSeconds: p, lastEventAt: at(10 + p) }))),
    );
    expect(await a.clipViews.get('race', 'customer')).toMatchObject({ furthestSeconds: 19, lastEventAt: at(29), completed: false });
    expect((await b.clipViews.listByClip('race')).length).toBe(1);
  });
});
