import { openDb, type Db } from '../../src/adapters/local/db';
import { SqliteConversations } from '../../src/adapters/local/sqlite-conversations';
import { TwilioConversations } from '../../src/adapters/twilio/twilio-conversations';
import type { ConversationsPort } from '../../src/ports/conversations';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio';

/**
 * The ConversationsPort contract, run unchanged on both adapters: the core relies on every line of
 * it (deep-merged attributes, messages with attributes, finding its own marker message again).
 */
interface Subject {
  port: ConversationsPort;
  newConversation(attributes: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

const subjects: Record<string, () => Promise<Subject>> = {
  local: async () => {
    const db: Db = openDb(':memory:');
    const port = new SqliteConversations(db);
    return { port, newConversation: async (attributes) => port.createConversation({ friendlyName: 'Chat', attributes }).id, close: async () => void db.close() };
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
  });
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

  it('reads an unknown conversation as null', async () => {
    expect(await s.port.get('CH00000000000000000000000000000000')).toBeNull();
  });
});
