import { migrationProvider } from '../../src/adapters/sql/migrations';
/**
 * One contract, two engines: the SQL store must behave the same on embedded SQLite and on
 * PostgreSQL (a private cluster started for this run). Each engine gets a fresh database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../../src/adapters/local/db';
import { openPostgresStore, openSqliteStore, type SqlEngine, type SqlStore } from '../../src/adapters/sql/database';
import type { Clip } from '../../src/domain/clip';
import type { Escalation } from '../../src/domain/escalation';
import type { PipelineJob, PipelineState } from '../../src/domain/pipeline-job';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

/** An engine's store plus a reopen (same database, runs the migrator again) and teardown. */
interface Opened {
  store: SqlStore;
  reopen(): Promise<SqlStore>;
  /** Another, independent connection to the same database: a second worker process. */
  another(): Promise<SqlStore>;
  close(): Promise<void>;
}

async function openEngine(engine: SqlEngine): Promise<Opened> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 've-store-'));
    const handle = openDb(join(dir, 'store.sqlite'));
    const others: ReturnType<typeof openDb>[] = [];
    try {
      return {
        store: await openSqliteStore(handle),
        reopen: () => openSqliteStore(handle),
        another: () => {
          others.push(openDb(join(dir, 'store.sqlite')));
          return openSqliteStore(others[others.length - 1]);
        },
        close: async () => {
          for (const o of others) o.close();
          handle.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }
  let server: PostgresServer | undefined;
  try {
    server = await startPostgresServer();
    const url = await server.createDatabase('contract');
    const store = await openPostgresStore(url);
    const pg = server;
    const others: SqlStore[] = [];
    return {
      store,
      reopen: () => openPostgresStore(url),
      another: async () => {
        others.push(await openPostgresStore(url));
        return others[others.length - 1];
      },
      close: async () => {
        await Promise.all(others.map((o) => o.close()));
        await pg.stop();
      },
    };
  } catch (err) {
    await server?.stop();
    throw err;
  }
}

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 21, 9, minute)).toISOString();

const escalation = (id: string, over: Partial<Escalation> = {}): Escalation => ({
  id,
  // One conversation each unless a test says otherwise: a conversation has at most one active call.
  conversationId: `CH-${id}`,
  roomName: `esc-${id}`,
  roomSid: `RM${id}`,
  agentIdentity: 'alice',
  agentName: 'Alice',
  customerIdentity: `cust-${id}`,
  linkId: `link-${id}`,
  linkExpiresAt: at(59),
  recording: true,
  status: 'active',
  createdAt: at(0),
  ...over,
});

const job = (room: string, over: Partial<PipelineJob> = {}): PipelineJob => ({
  roomName: room,
  roomSid: `RM-${room}`,
  conversationId: 'CH-1',
  escalationId: `e-${room}`,
  recordingId: `RE-${room}`,
  recording: true,
  endedAt: at(0),
  state: 'recorded',
  version: 1,
  createdAt: at(0),
  updatedAt: at(0),
  ...over,
});

/**
 * A unique-constraint refusal from either engine. Matched by message, not `toThrow()`: when jest
 * reuses a worker, better-sqlite3's native code throws an error from an earlier test file's realm,
 * which `toThrow` does not recognise as an Error.
 */
async function expectDuplicate(attempt: Promise<unknown>): Promise<void> {
  const outcome = await attempt.then(
    () => 'inserted',
    (e: { message?: string }) => String(e?.message),
  );
  expect(outcome).toMatch(/UNIQUE constraint failed|duplicate key value/);
}

/** Engines whose block ran at least one passing test. */
const passed = new Set<SqlEngine>();

afterAll(() => {
  if (passed.size === 2) process.stdout.write('figure: store_engines_tested 2\n');
});

describe.each<SqlEngine>(['sqlite', 'postgres'])('SQL store on %s', (engine) => {
  let opened: Opened | undefined;
  const store = (): SqlStore => {
    if (!opened) throw new Error(`${engine} store did not open`);
    return opened.store;
  };

  beforeAll(async () => {
    opened = await openEngine(engine);
  }, 60_000);

  afterAll(async () => {
    try {
      await opened?.store.close();
    } finally {
      await opened?.close();
    }
  }, 30_000);

  /** A test that, when it passes, counts its engine as tested. */
  const test = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      await fn();
      passed.add(engine);
    });

  describe('escalations', () => {
    test('an inserted escalation reads back whole, by id and by room name', async () => {
      const e = escalation('a1', { endedBy: undefined });
      await store().escalations.insert(e);
      expect(await store().escalations.get('a1')).toEqual(e);
      expect(await store().escalations.findByRoomName('esc-a1')).toEqual(e);
      expect(await store().escalations.get('missing')).toBeNull();
      expect(await store().escalations.findByRoomName('esc-missing')).toBeNull();
    });

    test('an id or room name is taken only once', async () => {
      await store().escalations.insert(escalation('b1'));
      await expectDuplicate(store().escalations.insert(escalation('b1', { roomName: 'other', conversationId: 'CH-other' })));
      await expectDuplicate(store().escalations.insert(escalation('b2', { roomName: 'esc-b1' })));
    });

    test('one active escalation per conversation: a second is refused by the store; after the end a new one is taken', async () => {
      const first = escalation('c1', { conversationId: 'CH-c', createdAt: at(1) });
      expect(await store().escalations.insert(first)).toBe(true);
      expect(await store().escalations.insert(escalation('c2', { conversationId: 'CH-c', createdAt: at(2) }))).toBe(false);
      expect(await store().escalations.get('c2')).toBeNull();
      expect(await store().escalations.findActiveByConversation('CH-c')).toEqual(first);

      const ended: Escalation = { ...first, status: 'ended', endedAt: at(3), endedBy: 'alice' };
      await store().escalations.update(ended);
      expect(await store().escalations.get('c1')).toEqual(ended);
      expect(await store().escalations.findActiveByConversation('CH-c')).toBeNull();
      expect(await store().escalations.findActiveByConversation('CH-none')).toBeNull();

      const next = escalation('c3', { conversationId: 'CH-c', createdAt: at(4) });
      expect(await store().escalations.insert(next)).toBe(true);
      expect(await store().escalations.findActiveByConversation('CH-c')).toEqual(next);
    });

    test('racing inserts for one conversation: exactly one wins', async () => {
      const racers = Array.from({ length: 8 }, (_, i) => escalation(`r${i}`, { conversationId: 'CH-race', createdAt: at(10) }));
      const won = await Promise.all(racers.map((e) => store().escalations.insert(e)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    test('listActive lists every active escalation, oldest first, and no ended one', async () => {
      const before = (await store().escalations.listActive()).map((e) => e.id);
      await store().escalations.insert(escalation('l2', { conversationId: 'CH-l2', createdAt: at(21) }));
      await store().escalations.insert(escalation('l1', { conversationId: 'CH-l1', createdAt: at(20) }));
      const gone = escalation('l3', { conversationId: 'CH-l3', createdAt: at(19) });
      await store().escalations.insert(gone);
      await store().escalations.update({ ...gone, status: 'ended' });
      const ids = (await store().escalations.listActive()).map((e) => e.id).filter((id) => !before.includes(id));
      expect(ids).toEqual(['l1', 'l2']);
    });

    test('consent records read back whole, per escalation', async () => {
      const consent = (id: string, escalationId: string, minute: number) => ({
        id,
        escalationId,
        roomName: `esc-${escalationId}`,
        participantIdentity: `customer:${id}`,
        role: 'customer' as const,
        noticeVersion: 'v1',
        noticeText: 'This call is recorded.',
        userAgent: 'Browser/1',
        consentedAt: at(minute),
      });
      await store().consents.record(consent('k2', 'E1', 2));
      await store().consents.record(consent('k1', 'E1', 1));
      await store().consents.record(consent('k3', 'E2', 3));
      expect(await store().consents.listByEscalation('E1')).toEqual([consent('k1', 'E1', 1), consent('k2', 'E1', 2)]);
      expect(await store().consents.listByEscalation('none')).toEqual([]);
    });

    test('updating an escalation that does not exist fails', async () => {
      await expect(store().escalations.update(escalation('nope'))).rejects.toThrow(/does not exist/);
    });
  });

  describe('clips', () => {
    const clip = (id: string, over: Partial<Clip> = {}): Clip => ({
      id,
      conversationId: 'CH-clips',
      authorRole: 'customer',
      authorIdentity: `customer:${id}`,
      authorName: 'Customer',
      agentIdentity: 'alex',
      agentName: 'Alex',
      linkId: `link-${id}`,
      linkExpiresAt: at(100),
      take: 0,
      status: 'offered',
      recordedSeconds: 0,
      version: 0,
      createdAt: at(1),
      updatedAt: at(1),
      ...over,
    });

    test('a clip reads back whole, by id, by its take room and by conversation', async () => {
      await store().clips.insert(clip('k1'));
      await store().clips.insert(clip('k2', { createdAt: at(2) }));
      expect(await store().clips.get('k1')).toEqual(clip('k1'));
      expect((await store().clips.listByConversation('CH-clips')).map((c) => c.id)).toEqual(['k1', 'k2']);
      const recording = { ...clip('k1'), status: 'recording' as const, take: 1, roomName: 'clip-k1-1', roomSid: '7', version: 1 };
      expect(await store().clips.saveIfUnchanged(recording)).toBe(true);
      expect(await store().clips.findByRoomName('clip-k1-1')).toEqual(recording);
      expect((await store().clips.listOpenTakes()).map((c) => c.id)).toEqual(['k1']);
      expect(await store().clips.get('missing')).toBeNull();
    });

    test('of two writers from the same version only one saves (the Stop and the cap racing)', async () => {
      await store().clips.insert(clip('k3'));
      const stop = { ...clip('k3'), status: 'stopped' as const, version: 1 };
      const cap = { ...clip('k3'), status: 'stopped' as const, stopCause: 'cap' as const, version: 1 };
      const results = await Promise.all([store().clips.saveIfUnchanged(stop), store().clips.saveIfUnchanged(cap)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store().clips.get('k3'))?.version).toBe(1);
      expect(await store().clips.saveIfUnchanged({ ...clip('k3'), version: 5 })).toBe(false);
    });
  });

  describe('pipeline jobs', () => {
    test('insertIfAbsent inserts once per room; a second delivery changes nothing', async () => {
      const first = job('p1');
      expect(await store().pipeline.insertIfAbsent(first)).toBe(true);
      expect(await store().pipeline.insertIfAbsent({ ...first, state: 'failed', reason: 'dup' })).toBe(false);
      expect(await store().pipeline.get('p1')).toEqual(first);
    });

    test('a job reads back whole by room and by recording id', async () => {
      const full = job('p2', {
        video: { compositionId: 'CJ1', status: 'pending' },
        speakers: [
          { participantIdentity: 'agent:alice', role: 'agent', startOffsetSeconds: 0.5, compositionId: 'CJ2', compositionStatus: 'ready', transcribeAttempts: 0 },
        ],
      });
      await store().pipeline.insertIfAbsent(full);
      expect(await store().pipeline.get('p2')).toEqual(full);
      expect(await store().pipeline.getByRecordingId('RE-p2')).toEqual(full);
      expect(await store().pipeline.get('missing')).toBeNull();
      expect(await store().pipeline.getByRecordingId('RE-missing')).toBeNull();
    });

    test('saveIfUnchanged succeeds once, then refuses the stale version', async () => {
      const v1 = job('p3');
      await store().pipeline.insertIfAbsent(v1);
      const claim: PipelineJob = { ...v1, state: 'composing', version: 2, updatedAt: at(5) };
      expect(await store().pipeline.saveIfUnchanged(claim)).toBe(true);
      // A second writer that also read version 1 must lose.
      expect(await store().pipeline.saveIfUnchanged({ ...v1, state: 'skipped', version: 2, updatedAt: at(6) })).toBe(false);
      // Skipping a version is refused too, and an unknown room changes nothing.
      expect(await store().pipeline.saveIfUnchanged({ ...claim, version: 4 })).toBe(false);
      expect(await store().pipeline.saveIfUnchanged(job('p3-missing', { version: 2 }))).toBe(false);
      expect(await store().pipeline.get('p3')).toEqual(claim);
      expect(await store().pipeline.saveIfUnchanged({ ...claim, state: 'processing', version: 3 })).toBe(true);
      expect(await store().pipeline.get('p3')).toMatchObject({ state: 'processing', version: 3 });
    });

    test('listUnfinished is oldest first and leaves out attached, failed and skipped jobs', async () => {
      const conv = 'CH-unfinished';
      const states: [string, PipelineState, number][] = [
        ['u-late', 'processing', 14],
        ['u-attached', 'attached', 10],
        ['u-early', 'recorded', 11],
        ['u-failed', 'failed', 12],
        ['u-mid', 'attaching', 13],
        ['u-skipped', 'skipped', 9],
        ['u-composing', 'composing', 13],
      ];
      for (const [room, state, minute] of states) {
        await store().pipeline.insertIfAbsent(job(room, { conversationId: conv, state, createdAt: at(minute) }));
      }
      const unfinished = (await store().pipeline.listUnfinished()).filter((j) => j.conversationId === conv);
      // Same creation time: the room name breaks the tie, the same on both engines.
      expect(unfinished.map((j) => j.roomName)).toEqual(['u-early', 'u-composing', 'u-mid', 'u-late']);

      const early = unfinished[0];
      await store().pipeline.saveIfUnchanged({ ...early, state: 'attached', version: early.version + 1 });
      const after = (await store().pipeline.listUnfinished()).filter((j) => j.conversationId === conv);
      expect(after.map((j) => j.roomName)).toEqual(['u-composing', 'u-mid', 'u-late']);
    });

    test('listByConversation returns that conversation’s jobs, oldest first, in any state', async () => {
      await store().pipeline.insertIfAbsent(job('l2', { conversationId: 'CH-list', state: 'attached', createdAt: at(30) }));
      await store().pipeline.insertIfAbsent(job('l1', { conversationId: 'CH-list', createdAt: at(20) }));
      await store().pipeline.insertIfAbsent(job('l3', { conversationId: 'CH-other', createdAt: at(10) }));
      expect((await store().pipeline.listByConversation('CH-list')).map((j) => j.roomName)).toEqual(['l1', 'l2']);
      expect(await store().pipeline.listByConversation('CH-empty')).toEqual([]);
    });

    test('of two workers claiming a job’s lease at once, on separate connections, exactly one wins', async () => {
      const other = await opened?.another();
      if (!other) throw new Error('no second connection');
      for (let round = 0; round < 10; round++) {
        const room = `lease-race-${round}`;
        await store().pipeline.insertIfAbsent(job(room));
        const won = await Promise.all([
          store().pipeline.claimLease(room, 'worker-a', at(31), at(30)),
          other.pipeline.claimLease(room, 'worker-b', at(31), at(30)),
        ]);
        expect(won.filter(Boolean)).toHaveLength(1);
        // The loser stays out while the lease runs; the winner renews it.
        const [winner, loser] = won[0] ? [store(), other] : [other, store()];
        const [me, them] = won[0] ? ['worker-a', 'worker-b'] : ['worker-b', 'worker-a'];
        expect(await loser.pipeline.claimLease(room, them, at(32), at(30))).toBe(false);
        expect(await winner.pipeline.claimLease(room, me, at(33), at(31))).toBe(true);
        expect(await loser.pipeline.claimLease(room, them, at(34), at(32))).toBe(false);
      }
    });

    test('an expired lease can be taken over; a released one is free; the old holder cannot release the new', async () => {
      await store().pipeline.insertIfAbsent(job('lease-expiry'));
      expect(await store().pipeline.claimLease('lease-expiry', 'dead-worker', at(41), at(40))).toBe(true);
      expect(await store().pipeline.claimLease('lease-expiry', 'heir', at(42), at(41))).toBe(false); // not yet over
      expect(await store().pipeline.claimLease('lease-expiry', 'heir', at(43), at(42))).toBe(true); // expired at 41
      await store().pipeline.releaseLease('lease-expiry', 'dead-worker');
      expect(await store().pipeline.claimLease('lease-expiry', 'third', at(44), at(42))).toBe(false);
      await store().pipeline.releaseLease('lease-expiry', 'heir');
      expect(await store().pipeline.claimLease('lease-expiry', 'third', at(44), at(42))).toBe(true);
      expect(await store().pipeline.claimLease('no-such-job', 'third', at(44), at(42))).toBe(false);
      // The lease lives beside the job: claiming it changes neither the job nor its version.
      expect(await store().pipeline.get('lease-expiry')).toEqual(job('lease-expiry'));
    });
  });

  describe('token revocations', () => {
    const nowSeconds = () => Math.floor(Date.now() / 1000);

    test('a revoked token id stays revoked; others are not; revoking twice is harmless', async () => {
      await store().revocations.revoke('jti-1', nowSeconds() + 3600);
      await store().revocations.revoke('jti-1', nowSeconds() + 3600);
      expect(await store().revocations.isRevoked('jti-1')).toBe(true);
      expect(await store().revocations.isRevoked('jti-2')).toBe(false);
    });

    test('entries past their expiry are pruned when the next one comes (expiry beyond 2038 is kept)', async () => {
      await store().revocations.revoke('jti-old', nowSeconds() - 10);
      expect(await store().revocations.isRevoked('jti-old')).toBe(true);
      await store().revocations.revoke('jti-far', 4_102_444_800); // 2100-01-01
      expect(await store().revocations.isRevoked('jti-old')).toBe(false);
      expect(await store().revocations.isRevoked('jti-far')).toBe(true);
    });
  });

  describe('conversations: local extras and change feed', () => {
    test('created conversations read back and list newest first', async () => {
      const created = await store().conversations.createConversation({ id: 'CH-x1', friendlyName: 'First', attributes: { crm: 1 } });
      expect(created).toMatchObject({ id: 'CH-x1', friendlyName: 'First', attributes: { crm: 1 } });
      expect(await store().conversations.get('CH-x1')).toEqual(created);
      await new Promise((r) => setTimeout(r, 5));
      const second = await store().conversations.createConversation({ friendlyName: 'Second' });
      expect(second.id).toMatch(/^CH[0-9a-f]{32}$/);
      expect(second.attributes).toEqual({});
      const listed = (await store().conversations.list()).map((c) => c.id);
      expect(listed.indexOf(second.id)).toBeLessThan(listed.indexOf('CH-x1'));
      await expectDuplicate(store().conversations.createConversation({ id: 'CH-x1', friendlyName: 'Again' }));
    });

    test('every message and attribute change is one feed entry, numbered in order, filterable by conversation', async () => {
      const before = await store().conversations.latestEventSeq();
      const a = await store().conversations.createConversation({ friendlyName: 'A' });
      const b = await store().conversations.createConversation({ friendlyName: 'B' });
      expect(await store().conversations.latestEventSeq()).toBe(before); // creating records no change
      const m1 = await store().conversations.postMessage(a.id, { author: 'Customer', body: 'hi' });
      await store().conversations.postMessage(b.id, { author: 'Customer', body: 'other' });
      const merged = await store().conversations.mergeAttributes(a.id, { videoEscalation: { status: 'active' } });
      expect(await store().conversations.latestEventSeq()).toBe(before + 3);

      const all = await store().conversations.eventsSince(before);
      expect(all.map((e) => [e.seq, e.conversationId, e.kind])).toEqual([
        [before + 1, a.id, 'message'],
        [before + 2, b.id, 'message'],
        [before + 3, a.id, 'conversation'],
      ]);
      expect(all[0].payload).toEqual(m1);
      expect(all[2].payload).toEqual({ ...a, attributes: merged });
      expect((await store().conversations.eventsSince(before, a.id)).map((e) => e.seq)).toEqual([before + 1, before + 3]);
      expect((await store().conversations.eventsSince(before, undefined, 1)).map((e) => e.seq)).toEqual([before + 1]);
      expect(await store().conversations.eventsSince(before + 3)).toEqual([]);
    });

    test('writes to an unknown conversation fail and record nothing', async () => {
      const before = await store().conversations.latestEventSeq();
      await expect(store().conversations.postMessage('CH-missing', { author: 'x', body: 'y' })).rejects.toThrow(/does not exist/);
      await expect(store().conversations.mergeAttributes('CH-missing', { a: 1 })).rejects.toThrow(/does not exist/);
      expect(await store().conversations.latestEventSeq()).toBe(before);
      const c = await store().conversations.createConversation({ friendlyName: 'After' });
      await store().conversations.postMessage(c.id, { author: 'x', body: 'y' });
      expect(await store().conversations.latestEventSeq()).toBe(before + 1); // no number was used up
    });
  });

  test('opening the same database again migrates nothing and keeps the data', async () => {
    if (!opened) throw new Error('not opened');
    await store().pipeline.insertIfAbsent(job('reopen'));
    const again = await opened.reopen();
    try {
      expect(await again.pipeline.get('reopen')).toEqual(job('reopen'));
      const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(again.db);
      expect(rows.map((r) => r.name)).toEqual(Object.keys(await migrationProvider.getMigrations()).sort());
    } finally {
      await again.close();
    }
  });
});
