import { useEffect, useState } from 'react';
import type { Conversation, ConversationMessage } from '../../../../domain/conversation';
import type { Http } from './api';
import { streamEvents } from './sse';

export interface Feed {
  messages: ConversationMessage[];
  conversation: Conversation | null;
  live: boolean;
  error: string | null;
}

const byTime = (a: ConversationMessage, b: ConversationMessage) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Adds or replaces by id, so a message seen both in a reload and on the stream shows once. */
export function mergeMessages(current: ConversationMessage[], incoming: ConversationMessage[]): ConversationMessage[] {
  const map = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) map.set(m.id, m);
  return [...map.values()].sort(byTime);
}

/**
 * A conversation's messages, live: loaded once, then kept current from the event stream. Every
 * (re)connection reloads the list, so nothing posted while disconnected is missed.
 */
export function useConversationFeed(api: Http | null, messagesPath: string | null, eventsPath: string | null): Feed {
  const [messages, setMessages] = useState<ConversationMessage[]>([]);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setMessages([]);
    setConversation(null);
    setLive(false);
    setError(null);
    if (!api || !messagesPath || !eventsPath) return undefined;
    let stopped = false;
    const reload = () =>
      api
        .get<{ messages: ConversationMessage[] }>(messagesPath)
        .then((r) => !stopped && (setMessages((m) => mergeMessages(m, r.messages)), setError(null)))
        .catch((e) => !stopped && setError(e instanceof Error ? e.message : String(e)));
    void reload();
    const stop = streamEvents(eventsPath, {
      headers: api.headers,
      onOpen: () => {
        setLive(true);
        void reload();
      },
      onError: () => setLive(false),
      onEvent: (e) => {
        try {
          if (e.event === 'message') setMessages((m) => mergeMessages(m, [JSON.parse(e.data) as ConversationMessage]));
          if (e.event === 'conversation') setConversation(JSON.parse(e.data) as Conversation);
        } catch {
          // A malformed event is skipped; the next reload brings the truth.
        }
      },
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [api, messagesPath, eventsPath]);

  return { messages, conversation, live, error };
}
