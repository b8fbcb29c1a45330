import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { openDb, type Db } from '../db';
import { openSqliteStore, type SqlStore } from '../../sql/database';
import { ConversationFeed } from './conversation-feed';

/** A server-sent-events response that keeps what was written, as `[id, event]` pairs. */
function fakeStream(lastEventId?: number) {
  const req = Object.assign(new EventEmitter(), { headers: lastEventId ? { 'last-event-id': String(lastEventId) } : {} });
  const chunks: string[] = [];
  let ended = false;
  const res = Object.assign(new EventEmitter(), {
    writeHead: () => res,
    write: (chunk: string) => chunks.push(chunk),
    end: (chunk?: string) => {
      if (chunk) chunks.push(chunk);
      ended = true;
    },
  });
  const events = () =>
    chunks.flatMap((c) => {
      const m = /^id: (\d+)\nevent: (\w+)\n/.exec(c);
      return m ? [[Number(m[1]), m[2]]] : [];
    });
  return { req: req as unknown as IncomingMessage, res: res as unknown as ServerResponse, events, close: () => req.emit('close'), ended: () => ended };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('ConversationFeed', () => {
  let db: Db;
  let store: SqlStore;
  let feed: ConversationFeed | undefined;
  beforeEach(async () => {
    db = openDb(':memory:');
    store = await openSqliteStore(db);
  });
  afterEach(async () => {
    feed?.close();
    await store.close();
    db.close();
  });

  it('streams one conversation’s changes from now on, in order', async () => {
    const c = await store.conversations.createConversation({ friendlyName: 'A' });
    const other = await store.conversations.createConversation({ friendlyName: 'B' });
    await store.conversations.postMessage(c.id, { author: 'x', body: 'before the feed started' });
    feed = await ConversationFeed.start(store.conversations, 5);
    const s = fakeStream();
    feed.stream(s.req, s.res, c.id);
    await store.conversations.postMessage(c.id, { author: 'x', body: 'one' });
    await store.conversations.postMessage(other.id, { author: 'x', body: 'elsewhere' });
    await store.conversations.mergeAttributes(c.id, { videoEscalation: { status: 'active' } });
    await until(() => s.events().length >= 2);
    expect(s.events()).toEqual([
      [2, 'message'],
      [4, 'conversation'],
    ]);
    s.close();
  });

  it('replays what a reconnecting client missed, then goes on live, each change once', async () => {
    const c = await store.conversations.createConversation({ friendlyName: 'A' });
    feed = await ConversationFeed.start(store.conversations, 5);
    for (const body of ['1', '2', '3']) await store.conversations.postMessage(c.id, { author: 'x', body });
    await new Promise((r) => setTimeout(r, 30)); // the poller has passed them: only a replay brings them back
    const s = fakeStream(1);
    feed.stream(s.req, s.res, c.id);
    // A change may land while the replay is being read: it comes after the replay, once.
    await store.conversations.postMessage(c.id, { author: 'x', body: '4' });
    await until(() => s.events().length >= 3);
    await new Promise((r) => setTimeout(r, 30));
    expect(s.events().map(([seq]) => seq)).toEqual([2, 3, 4]);
    s.close();
  });

  it('ends every open stream on close, and refuses new ones after it (Ctrl-C must not wait for tabs)', async () => {
    const c = await store.conversations.createConversation({ friendlyName: 'A' });
    feed = await ConversationFeed.start(store.conversations, 5);
    const console = fakeStream();
    const chat = fakeStream();
    feed.stream(console.req, console.res, c.id);
    feed.stream(chat.req, chat.res, c.id);
    expect([console.ended(), chat.ended()]).toEqual([false, false]);
    feed.close();
    expect([console.ended(), chat.ended()]).toEqual([true, true]);
    const late = fakeStream();
    feed.stream(late.req, late.res, c.id);
    expect(late.ended()).toBe(true);
  });
});
