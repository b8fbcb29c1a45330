/**
 * Supervisors' monitoring sessions (migration 0012), one contract on both engines: embedded SQLite
 * and a private PostgreSQL cluster started for this run, each on a fresh database.
 */
import type { SqlEngine } from '../../src/adapters/sql/database';
import type { MonitoringSession } from '../../src/domain/monitoring';
import { openTwoConnections, type TwoConnections } from './support/two-connections';

type Opened = TwoConnections;
const openEngine = (engine: SqlEngine) => openTwoConnections(engine, 'monitoring');

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 23, 9, minute)).toISOString();

const session = (over: Partial<MonitoringSession> = {}): MonitoringSession => ({
  id: 'mon-1',
  escalationId: 'esc-1',
  conversationId: 'CH1',
  roomName: 'esc-esc-1',
  supervisorIdentity: 'sue',
  supervisorName: 'Sue',
  participantIdentity: 'monitor:sue',
  bargeIn: false,
  startedAt: at(1),
  ...over,
});

describe.each<SqlEngine>(['sqlite', 'postgres'])('monitoring sessions on %s', (engine) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await openEngine(engine);
  }, 60_000);
  afterAll(() => opened?.close());

  it('stores who, which call and since when, and reads it back exactly (also from another connection)', async () => {
    const s = session();
    await opened.store.monitoring.insert(s);
    expect(await opened.store.monitoring.get('mon-1')).toEqual(s);
    expect(await opened.other.monitoring.get('mon-1')).toEqual(s);
    expect(await opened.store.monitoring.get('nope')).toBeNull();
  });

  it('end sets the end once: a second end keeps the first', async () => {
    expect(await opened.store.monitoring.end('mon-1', at(5))).toMatchObject({ id: 'mon-1', endedAt: at(5) });
    expect(await opened.other.monitoring.end('mon-1', at(9))).toMatchObject({ endedAt: at(5) });
    expect(await opened.store.monitoring.end('missing', at(9))).toBeNull();
  });

  it('lists a call\'s sessions oldest first, barge-in kept, other calls left out', async () => {
    await opened.store.monitoring.insert(session({ id: 'mon-3', startedAt: at(7), bargeIn: true, participantIdentity: 'supervisor:sue' }));
    await opened.store.monitoring.insert(session({ id: 'mon-2', startedAt: at(3), supervisorIdentity: 'sol', supervisorName: 'Sol' }));
    await opened.store.monitoring.insert(session({ id: 'mon-x', escalationId: 'esc-2', startedAt: at(2) }));
    const list = await opened.other.monitoring.listByEscalation('esc-1');
    expect(list.map((s) => [s.id, s.bargeIn, s.endedAt ?? null])).toEqual([
      ['mon-1', false, at(5)],
      ['mon-2', false, null],
      ['mon-3', true, null],
    ]);
  });

  it('a taken id is refused', async () => {
    await opened.store.monitoring.insert(session({ id: 'mon-taken' }));
    // Compared by message: better-sqlite3's error class comes from whichever test file loaded the
    // native module first in this jest worker, so `toThrow` (an instanceof check) misses it.
    const outcome = await opened.other.monitoring.insert(session({ id: 'mon-taken', startedAt: at(8) })).then(
      () => 'inserted',
      (e: { message?: string }) => String(e?.message),
    );
    expect(outcome).toMatch(/UNIQUE constraint failed|duplicate key value/);
    expect((await opened.store.monitoring.get('mon-taken'))?.startedAt).toBe(at(1));
  });
});
