import { openDb, type Db } from '../local/db';
import { openSqliteStore } from './database';

/** The raw tables the local adapters created themselves before migrations 0004–0006. */
const LEGACY_SCHEMA = `
CREATE TABLE conversations (id TEXT PRIMARY KEY, friendly_name TEXT NOT NULL, attributes_json TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL);
CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, conversation_id TEXT NOT NULL REFERENCES conversations (id),
  author TEXT NOT NULL, body TEXT NOT NULL, attributes_json TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL);
CREATE TABLE conversation_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'conversation')), payload_json TEXT NOT NULL);
CREATE TABLE revoked_tokens (jti TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
`;

const tableNames = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migration 0006: a local data file from before the SQL store keeps its chats and sign-outs', () => {
  let db: Db;
  beforeEach(() => {
    db = openDb(':memory:');
  });
  afterEach(() => db.close());

  it('copies conversations, messages and the change feed with their numbers, then drops the old tables', async () => {
    db.exec(LEGACY_SCHEMA);
    db.prepare("INSERT INTO conversations VALUES ('CH1', 'Old chat', '{\"crm\":7}', '2026-01-01T00:00:00.000Z')").run();
    // Messages and events had a sequence each; here the messages' runs ahead.
    db.prepare("INSERT INTO messages VALUES (41, 'IM1', 'CH1', 'Customer', 'hello', '{\"k\":\"v\"}', '2026-01-01T00:00:01.000Z')").run();
    db.prepare("INSERT INTO conversation_events VALUES (9, 'CH1', 'message', '{\"id\":\"IM1\"}')").run();
    db.prepare("INSERT INTO revoked_tokens VALUES ('jti-signed-out', 4102444800)").run();

    const store = await openSqliteStore(db);
    try {
      expect(tableNames(db).filter((t) => !t.startsWith('ve_') && !t.startsWith('kysely_') && t !== 'sqlite_sequence')).toEqual([]);
      const conversations = store.conversations;
      expect(await conversations.get('CH1')).toEqual({ id: 'CH1', friendlyName: 'Old chat', attributes: { crm: 7 }, createdAt: '2026-01-01T00:00:00.000Z' });
      expect((await conversations.listMessages('CH1')).map((m) => [m.id, m.body, m.attributes])).toEqual([['IM1', 'hello', { k: 'v' }]]);
      expect(await conversations.findMessageByAttribute('CH1', 'k', 'v')).toMatchObject({ id: 'IM1' });
      // A page that saw event 9 resumes from there; new numbers come after both old sequences.
      expect(await conversations.latestEventSeq()).toBe(9);
      expect((await conversations.eventsSince(0)).map((e) => e.seq)).toEqual([9]);
      const next = await conversations.postMessage('CH1', { author: 'Agent', body: 'hi again' });
      expect((await conversations.eventsSince(9)).map((e) => e.seq)).toEqual([42]);
      expect((await conversations.listMessages('CH1')).map((m) => m.id)).toEqual(['IM1', next.id]);
      expect(await store.revocations.isRevoked('jti-signed-out')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('does nothing on a fresh file', async () => {
    const store = await openSqliteStore(db);
    try {
      expect(await store.conversations.latestEventSeq()).toBe(0);
      expect(tableNames(db)).not.toContain('conversations');
    } finally {
      await store.close();
    }
  });
});
