import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/adapters/local/db';
import { openPostgresStore, openSqliteStore, type SqlStore } from '../../src/adapters/sql/database';
import { TwilioConversations } from '../../src/adapters/twilio/twilio-conversations';
import type { ConversationsPort } from '../../src/ports/conversations';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';

/**
 * The ConversationsPort contract, run unchanged on every adapter: the core relies on every line of
 * it (deep-merged attributes, messages with attributes, finding its own marker message again).
 * The SQL store's conversations (local mode) run it on both of the store's engines.
 */
interface Subject {
  port: ConversationsPort;
  newConversation(attributes: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** One private PostgreSQL cluster for this file, started on first use, stopped after all tests. */
let postgres: Promise<PostgresServer> | undefined;
const postgresServer = () => (postgres ??= startPostgresServer());
afterAll(async () => {
  await (await postgres?.catch(() => undefined))?.stop();
}, 30_000);

const sqlSubject = (store: SqlStore, release: () => Promise<void>): Subject => ({
  port: store.conversations,
  newConversation: async (attributes) => (await store.conversations.createConversation({ friendlyName: 'Chat', attributes })).id,
  close: async () => {
    await store.close();
    await release();
  },
});

const subjects: Record<string, () => Promise<Subject>> = {
  'SQL store on sqlite': async () => {
    const dir = mkdtempSync(join(tmpdir(), 've-conv-'));
    const handle = openDb(join(dir, 'store.sqlite'));
    return sqlSubject(await openSqliteStore(handle), async () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    });
  },
  'SQL store on postgres': async () => {
    const url = await (await postgresServer()).createDatabase('conversations');
    return sqlSubject(await openPostgresStore(url), async () => undefined);
  },
  twilio: async () => {
    const fake: FakeTwilio = await startFakeTwilio();
    const port = new TwilioConversations({ client: fake.client(), pageSize: 2 }); // small pages: paging is part of the contract
    return { port, newConversation: async (attributes) => String(fake.seedConversation({ attributes }).sid), close: () => fake.close() };
  },
};

describe.each(Object.keys(subjects))('ConversationsPort on %s', (name) => {
  let s: Subject;
  beforeAll(async () => {
    s = await subjects[name]();
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('deep-merges attributes: nested objects key by key, other values replaced, other keys kept', async () => {
    const id = await s.newConversation({ crm: { ticket: 7, tags: ['a'] }, videoRecordings: { RE1: { state: 'processing', n: 1 } } });
    const merged = await s.port.mergeAttributes(id, {
      videoRecordings: { RE1: { state: 'attached' }, RE2: { state: 'composing' } },
      crm: { tags: ['b'] },
      videoEscalation: { status: 'ended' },
    });
    const expected = {
      crm: { ticket: 7, tags: ['b'] },
      videoRecordings: { RE1: { state: 'attached', n: 1 }, RE2: { state: 'composing' } },
      videoEscalation: { status: 'ended' },
    };
    expect(merged).toEqual(expected);
    expect((await s.port.get(id))?.attributes).toEqual(expected);
  });

  it('posts messages with author, body and attributes, lists them oldest first across pages, and finds a marker', async () => {
    const id = await s.newConversation({});
    for (let i = 1; i <= 5; i++) {
      await s.port.postMessage(id, { author: 'system', body: `m${i}`, attributes: { idempotencyKey: `k${i}`, n: i } });
    }
    const messages = await s.port.listMessages(id);
    expect(messages.map((m) => [m.author, m.body, m.attributes.n])).toEqual([1, 2, 3, 4, 5].map((i) => ['system', `m${i}`, i]));
    expect((await s.port.findMessageByAttribute(id, 'idempotencyKey', 'k2'))?.body).toBe('m2');
    expect(await s.port.findMessageByAttribute(id, 'idempotencyKey', 'nope')).toBeNull();
  });

  it('updates a message in place: same id, attributes replaced, body replaced only when given', async () => {
    const id = await s.newConversation({});
    const first = await s.port.postMessage(id, { author: 'system', body: 'video · transcript to follow', attributes: { idempotencyKey: 'esc-1', transcriptStatus: 'pending', old: 1 } });
    await s.port.postMessage(id, { author: 'customer', body: 'thanks' });
    const updated = await s.port.updateMessage(id, first.id, { body: 'video · transcript', attributes: { idempotencyKey: 'esc-1', transcriptStatus: 'ready' } });
    expect(updated).toMatchObject({ id: first.id, author: 'system', body: 'video · transcript', attributes: { idempotencyKey: 'esc-1', transcriptStatus: 'ready' } });
    await s.port.updateMessage(id, first.id, { attributes: { idempotencyKey: 'esc-1', transcriptStatus: 'unavailable' } });
    const messages = await s.port.listMessages(id);
    expect(messages.map((m) => [m.id, m.body, m.attributes])).toEqual([
      [first.id, 'video · transcript', { idempotencyKey: 'esc-1', transcriptStatus: 'unavailable' }],
      [expect.any(String), 'thanks', {}],
    ]);
    expect((await s.port.findMessageByAttribute(id, 'idempotencyKey', 'esc-1'))?.id).toBe(first.id);
    await expect(s.port.updateMessage(id, 'IM00000000000000000000000000000000', { attributes: {} })).rejects.toThrow();
  });

  it('reads an unknown conversation as null', async () => {
    expect(await s.port.get('CH00000000000000000000000000000000')).toBeNull();
  });
});

describe('SQL conversations on PostgreSQL under two processes', () => {
  const stores: SqlStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  }, 30_000);

  it('concurrent mergeAttributes on one conversation from two pools lose no update, and the feed stays gapless', async () => {
    const url = await (await postgresServer()).createDatabase('merge_race');
    // The Functions process and the local server: separate pools on the same database.
    const [a, b] = await Promise.all([openPostgresStore(url, { max: 2 }), openPostgresStore(url, { max: 2 })]);
    stores.push(a, b);
    const { id } = await a.conversations.createConversation({ friendlyName: 'Race', attributes: { crm: { ticket: 7 } } });
    const from = await a.conversations.latestEventSeq();

    const ROUNDS = 25;
    // Each writer patches its own keys, nested under one shared object: a read-modify-write that
    // is not atomic would drop the other writer's keys.
    const writer = (store: SqlStore, who: string) =>
      Promise.all(
        Array.from({ length: ROUNDS }, (_, i) => store.conversations.mergeAttributes(id, { videoRecordings: { [`${who}${i}`]: { state: 'attached' } } })),
      );
    await Promise.all([writer(a, 'a'), writer(b, 'b')]);

    const attributes = (await b.conversations.get(id))?.attributes as { crm: unknown; videoRecordings: Record<string, unknown> };
    expect(attributes.crm).toEqual({ ticket: 7 });
    expect(Object.keys(attributes.videoRecordings).sort()).toEqual(
      ['a', 'b'].flatMap((w) => Array.from({ length: ROUNDS }, (_, i) => `${w}${i}`)).sort(),
    );
    // One change per merge, numbered in commit order without gaps; the last one carries the result.
    const events = await a.conversations.eventsSince(from, id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 2 * ROUNDS }, (_, i) => from + 1 + i));
    expect((events[events.length - 1].payload as { attributes: unknown }).attributes).toEqual(attributes);
  }, 60_000);
});
