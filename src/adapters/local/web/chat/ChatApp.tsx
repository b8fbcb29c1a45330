import React, { useEffect, useMemo, useState } from 'react';
import type { Conversation } from '../../../../domain/conversation';
import { chatClipViews } from '../../../../ui/api/clip-view-api';
import { http } from '../lib/api';
import { NewClipNotice } from '../../../../ui/cards/NewClipNotice';
import { Composer } from '../lib/Composer';
import { MessageList } from '../lib/MessageList';
import { useConversationFeed } from '../lib/useConversationFeed';

/** The local stand-in for the customer's web chat. */
export function ChatApp({ chatToken, fetchImpl }: { chatToken: string | null; fetchImpl?: typeof fetch }) {
  const api = useMemo(() => (chatToken ? http(chatToken, fetchImpl) : null), [chatToken, fetchImpl]);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [error, setError] = useState<string | null>(chatToken ? null : 'This chat link is incomplete.');
  const feed = useConversationFeed(api, '/api/local/chat/messages', '/api/local/chat/events');
  // The chat media cookie (set with the conversation below) is the customer's credential here too.
  const clipViews = useMemo(() => chatClipViews(fetchImpl), [fetchImpl]);

  useEffect(() => {
    api
      ?.get<{ conversation: Conversation }>('/api/local/chat')
      .then((r) => setConversation(r.conversation))
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);

  return (
    <main className="chat-page">
      <header className="topbar">
        <h1>{(feed.conversation ?? conversation)?.friendlyName ?? 'Support chat'}</h1>
        <p className="muted" aria-live="polite">
          {feed.live ? 'Connected' : 'Connecting…'}
        </p>
      </header>
      {error && (
        <p className="vx-error" role="alert">
          {error}
        </p>
      )}
      <NewClipNotice messages={feed.messages} from="agent" />
      <MessageList messages={feed.messages} self="Customer" onClipView={clipViews} />
      {api && <Composer onSend={async (body) => void (await api.post('/api/local/chat/messages', { body }))} />}
    </main>
  );
}
