import React, { useCallback, useEffect, useMemo, useState } from 'react';
import type { VideoClient } from '../../../../client/video-client';
import { customerNameOf, type Conversation } from '../../../../domain/conversation';
import type { MediaAccess } from '../../../../domain/escalation';
import { AsyncActionButton, EscalateButton, RecordingProgress } from '../../../../ui';
import { AgentCallPanel } from '../../../../ui/call/AgentCallPanel';
import { ConversationLabel } from '../../../../ui/components/ConversationLabel';
import { httpEscalationApi } from '../../../../ui/api/escalation-api';
import { httpClipApi } from '../../../../ui/api/clip-api';
import { staffClipViews } from '../../../../ui/api/clip-view-api';
import { NewClipNotice } from '../../../../ui/cards/NewClipNotice';
import { AgentReplyRecorder } from '../../../../ui/clips/templates/AgentReplyRecorder';
import { clipConnector } from '../../../../ui/clips/clip-connect';
import { useAgentCall } from '../../../../ui/hooks/useAgentCall';
import { httpSupportTicketApi } from '../../../../ui/api/support-ticket-api';
import { httpResolutionApi } from '../../../../ui/api/resolution-api';
import { useVideoSuggestion } from '../../../../ui/support/useVideoSuggestion';
import { VideoSuggestionBanner } from '../../../../ui/support/VideoSuggestionBanner';
import { http, type Http } from '../lib/api';
import { Composer } from '../lib/Composer';
import { MessageList } from '../lib/MessageList';
import { useConversationFeed } from '../lib/useConversationFeed';
import { CloseConversation } from './CloseConversation';

interface SignIn {
  token: string;
  identity: string;
  name: string;
  roles: string[];
}

export interface ConsoleAppProps {
  videoClientFor(access: MediaAccess): VideoClient;
  fetchImpl?: typeof fetch;
}

/** The local stand-in for Flex: conversations, the chat, and the plugin's own video components. */
export function ConsoleApp({ videoClientFor, fetchImpl }: ConsoleAppProps) {
  const [agent, setAgent] = useState<SignIn | null>(null);
  const [api, setApi] = useState<Http | null>(null);
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const anonymous = http(null, fetchImpl);
    anonymous
      .post<SignIn>('/api/local/sign-in', {})
      .then(async (me) => {
        const authed = http(me.token, fetchImpl);
        setAgent(me);
        setApi(authed);
        const { conversations: list } = await authed.get<{ conversations: Conversation[] }>('/api/local/conversations');
        setConversations(list);
        setSelected((s) => s ?? list[0]?.id ?? null);
      })
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, [fetchImpl]);

  const paths = useMemo(
    () => (selected ? [`/api/local/conversations/${encodeURIComponent(selected)}/messages`, `/api/local/conversations/${encodeURIComponent(selected)}/events`] : [null, null]),
    [selected],
  );
  const feed = useConversationFeed(api, paths[0], paths[1]);
  const escalationApi = useMemo(() => (agent ? httpEscalationApi({ baseUrl: '', token: () => agent.token, fetchImpl }) : null), [agent, fetchImpl]);
  const call = useAgentCall(escalationApi, videoClientFor);
  const clipViews = useMemo(() => (agent ? staffClipViews({ token: () => agent.token, fetchImpl }) : undefined), [agent, fetchImpl]);
  const supportApi = useMemo(() => (agent ? httpSupportTicketApi({ baseUrl: '', token: () => agent.token, fetchImpl }) : null), [agent, fetchImpl]);
  const clipEndpoint = useMemo(() => httpClipApi('', fetchImpl), [fetchImpl]);
  const clipConnect = useMemo(() => clipConnector(videoClientFor), [videoClientFor]);
  const agentToken = useCallback(() => agent?.token ?? null, [agent]);
  const resolution = useMemo(() => (agent ? httpResolutionApi({ baseUrl: '', token: () => agent.token, fetchImpl }) : null), [agent, fetchImpl]);
  const current = conversations.find((c) => c.id === selected) ?? null;
  const { suggestion, clear: clearSuggestion } = useVideoSuggestion(supportApi, current?.id ?? null, feed.messages.length);
  const [replyFor, setReplyFor] = useState<string | null>(null);
  const onVideo = !!call.room && call.room.state !== 'disconnected';
  const currentAttributes = current ? (feed.conversation?.id === current.id ? feed.conversation : current).attributes : {};
  // A closed conversation takes no new call or clip (the server refuses them too: 409 conversation_closed).
  const closed = Boolean((currentAttributes.retention as { closedAt?: string } | undefined)?.closedAt);

  return (
    <div className="console">
      <header className="topbar">
        <h1>Agent console</h1>
        <a className="topbar__link" href="/library.html">
          Recordings library
        </a>
        <p>{agent ? `Signed in as ${agent.name}` : error ? '' : 'Signing in…'}</p>
      </header>
      {error && (
        <p className="vx-error page-error" role="alert">
          {error}
        </p>
      )}
      <nav className="sidebar" aria-label="Conversations">
        <h2>Conversations</h2>
        <ul>
          {conversations.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="conversation"
                data-testid="conversation-item"
                aria-current={c.id === selected ? 'true' : undefined}
                onClick={() => setSelected(c.id)}
              >
                {c.friendlyName || c.id}
              </button>
            </li>
          ))}
          {agent && conversations.length === 0 && <li className="muted">No conversations yet.</li>}
        </ul>
      </nav>
      <main className="main">
        {current ? (
          <>
            <div className="main__head">
              <div>
                <h2>{current.friendlyName || current.id}</h2>
                {/* The customer and the id a supervisor's privacy tools and the audit log know it by. */}
                <ConversationLabel conversationId={current.id} customerName={customerNameOf(current.attributes)} />
              </div>
              <EscalateButton
                conversationId={current.id}
                onEscalate={async (id) => void (await call.escalate(id))}
                disabled={(onVideo && call.conversationId === current.id) || (closed && !onVideo)}
                label={onVideo && call.conversationId === current.id ? 'On video' : closed ? 'Closed: no new calls' : 'Escalate to video'}
              />
              {agent && !closed && (
                <button
                  type="button"
                  className="vx-button"
                  data-testid="record-reply-button"
                  aria-expanded={replyFor === current.id}
                  onClick={() => setReplyFor((c) => (c === current.id ? null : current.id))}
                >
                  {replyFor === current.id ? 'Close the recorder' : 'Record a video reply'}
                </button>
              )}
              {escalationApi && !closed && (
                <AsyncActionButton
                  label="Ask for a video clip"
                  busyLabel="Sending the link…"
                  failure="Could not send the recording link."
                  testId="offer-clip-button"
                  onClick={async () => void (await escalationApi.offerClip(current.id))}
                />
              )}
              {resolution && !closed && (
                <AsyncActionButton
                  label="Resolve"
                  busyLabel="Resolving…"
                  failure="Could not resolve the ticket."
                  testId="resolve-ticket-button"
                  // Resolving posts the customer a two-question survey; a repeat posts nothing new.
                  onClick={async () => void (await resolution.resolve({ conversationId: current.id, source: 'agent' }))}
                />
              )}
              {agent && (
                <CloseConversation
                  key={current.id}
                  conversationId={current.id}
                  attributes={currentAttributes}
                  token={agent.token}
                  fetchImpl={fetchImpl}
                />
              )}
            </div>
            {(call.room || call.status) && (
              <AgentCallPanel
                call={call}
                customerName={typeof current.attributes.customerName === 'string' ? current.attributes.customerName : undefined}
              />
            )}
            {agent && replyFor === current.id && (
              <section className="console__recorder" aria-label="Video reply">
                <AgentReplyRecorder
                  key={current.id}
                  endpoint={clipEndpoint}
                  token={agentToken}
                  conversationId={current.id}
                  connect={clipConnect}
                  customerName={typeof current.attributes.customerName === 'string' ? current.attributes.customerName : undefined}
                  onSent={() => setReplyFor(null)}
                />
              </section>
            )}
            {suggestion && escalationApi && supportApi && !closed && (
              <VideoSuggestionBanner
                key={suggestion.at}
                suggestion={suggestion}
                onSend={async (medium, message) => {
                  if (medium === 'clip') await escalationApi.offerClip(current.id, { viaSuggestion: true, message });
                  else await call.escalate(current.id, { viaSuggestion: true, message });
                  clearSuggestion();
                }}
                onDismiss={async () => {
                  await supportApi.dismiss(current.id);
                  clearSuggestion();
                }}
              />
            )}
            <NewClipNotice key={current.id} messages={feed.messages} />
            <RecordingProgress recordings={(feed.conversation?.id === current.id ? feed.conversation : current).attributes.videoRecordings} />
            <section className="chat" aria-label="Chat">
              {feed.error && <p className="vx-error">{feed.error}</p>}
              <MessageList
                messages={feed.messages}
                self={agent?.name}
                viewer="agent"
                onResendLink={escalationApi ? async () => void (await escalationApi.escalate(current.id)) : undefined}
                onClipView={clipViews}
              />
              <Composer onSend={async (body) => void (await api?.post(`/api/local/conversations/${encodeURIComponent(current.id)}/messages`, { body }))} />
            </section>
          </>
        ) : (
          <p className="muted">Choose a conversation.</p>
        )}
      </main>
    </div>
  );
}
