import type { ConversationMessage } from '../../src/domain/conversation';
import { streamEvents } from '../../src/adapters/local/web/lib/sse';
import type { TestStack } from '../../tests/support/test-stack';

/** Wall-clock ms with sub-ms precision, comparable with the page's performance.timeOrigin + now(). */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/** When the clip message was first seen in each state, as wall-clock ms. */
export interface ClipSightings {
  /** The message is in the conversation (posted at Send, "processing"). */
  posted?: number;
  /** The message carries the composed video (`videoStatus: ready`, `mediaUrl`). */
  video?: number;
  /** The transcript is attached too (or given up): the pipeline is done with it. */
  done?: number;
  message?: ConversationMessage;
}

export interface ClipWatch {
  /** Read straight from the stack's store (the SQLite file the Functions write), polled every 5 ms. */
  store: ClipSightings;
  /** The same, as an agent's console learns it: the conversation's server-sent events feed. */
  feed: ClipSightings;
  /** Resolves when the store shows the message in `state`; rejects after `timeoutMs`. */
  until(state: 'posted' | 'video' | 'done', timeoutMs: number): Promise<ConversationMessage>;
  stop(): void;
}

const isClip = (m: ConversationMessage) => m.attributes.type === 'video-recording' && m.attributes.kind === 'clip';

function note(seen: ClipSightings, m: ConversationMessage, at: number): void {
  seen.posted ??= at;
  if (m.attributes.videoStatus === 'ready' && typeof m.attributes.mediaUrl === 'string') seen.video ??= at;
  if (m.attributes.transcriptStatus === 'ready' || m.attributes.transcriptStatus === 'unavailable') seen.done ??= at;
  seen.message = m;
}

/** Watches one conversation for its (single) clip message, through the store and through the feed. */
export async function watchClipMessage(stack: TestStack, conversationId: string, agentToken: string): Promise<ClipWatch> {
  const store: ClipSightings = {};
  const feed: ClipSightings = {};
  let stopped = false;
  let pollError: unknown = null;

  const poll = async () => {
    while (!stopped) {
      try {
        const m = (await stack.backend.conversations.listMessages(conversationId)).find(isClip);
        if (m) note(store, m, wallNow());
      } catch (e) {
        pollError = e;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  void poll();

  let feedOpen: () => void = () => undefined;
  const opened = new Promise<void>((r) => (feedOpen = r));
  const stopFeed = streamEvents(`${stack.url}/api/local/conversations/${conversationId}/events`, {
    headers: { Authorization: `Bearer ${agentToken}` },
    onOpen: () => feedOpen(),
    onEvent: (e) => {
      if (e.event !== 'message') return;
      const m = JSON.parse(e.data) as ConversationMessage;
      if (isClip(m)) note(feed, m, wallNow());
    },
  });
  await Promise.race([opened, new Promise((_, reject) => setTimeout(() => reject(new Error('the conversation feed did not open within 5 s')), 5000))]);

  return {
    store,
    feed,
    async until(state, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (store[state] === undefined) {
        if (pollError) throw pollError instanceof Error ? pollError : new Error(String(pollError));
        if (Date.now() > deadline) throw new Error(`no clip message ${state} within ${timeoutMs} ms (last seen: ${JSON.stringify(store.message?.attributes ?? null)})`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return store.message as ConversationMessage;
    },
    stop() {
      stopped = true;
      stopFeed();
    },
  };
}
