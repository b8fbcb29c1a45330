import { useFlexSelector } from '@twilio/flex-ui';
import React, { useMemo } from 'react';
import type { ConversationMessage } from '../../../src/domain/conversation';
import type { EscalationApi } from '../../../src/ui/api/escalation-api';
import type { RecordingMedia } from '../../../src/ui/api/recording-media';
import { MessageCard } from '../../../src/ui/cards/MessageCard';
import type { ClipViewReporter } from '../../../src/ui/cards/RecordingCard';
import { useLinkStates } from '../../../src/ui/hooks/useLinkStates';

/** A Conversations message as Flex holds it (`message.source`); a message still sending has no sid. */
interface FlexMessageSource {
  sid?: string;
  author?: string | null;
  body?: string | null;
  attributes?: unknown;
  dateCreated?: Date | null;
}
interface FlexMessageState {
  source?: FlexMessageSource;
}

export const attributesOf = (source: FlexMessageSource | undefined): Record<string, unknown> | undefined =>
  source && typeof source.attributes === 'object' && source.attributes !== null ? (source.attributes as Record<string, unknown>) : undefined;

function toMessage(conversationSid: string, state: FlexMessageState | undefined): ConversationMessage | null {
  const s = state?.source;
  if (!s?.sid) return null;
  return {
    id: s.sid,
    conversationId: conversationSid,
    author: s.author ?? '',
    body: s.body ?? '',
    attributes: attributesOf(s) ?? {},
    createdAt: s.dateCreated ? s.dateCreated.toISOString() : '',
  };
}

const selectMessages = (conversationSid: string) => (state: unknown) =>
  ((state as { flex?: { chat?: { conversations?: Record<string, { messages?: FlexMessageState[] }> } } }).flex?.chat?.conversations?.[conversationSid]
    ?.messages ?? []) as FlexMessageState[];

/**
 * The product's cards inside Flex's message list, the agent's view: the link card knows its
 * state from the rest of the chat (ended, expired, replaced), the recording card plays.
 */
export function FlexMessageCard({
  message,
  conversationSid = '',
  api,
  onClipView,
  media,
}: {
  message?: FlexMessageState;
  conversationSid?: string;
  api: EscalationApi;
  onClipView?: ClipViewReporter;
  /** The recording-media Function with the agent's Flex token (a player cannot send the token itself). */
  media?: RecordingMedia;
}) {
  const all = useFlexSelector(selectMessages(conversationSid));
  const messages = useMemo(() => all.map((m) => toMessage(conversationSid, m)).filter((m): m is ConversationMessage => m !== null), [all, conversationSid]);
  const states = useLinkStates(messages);
  const own = toMessage(conversationSid, message);
  if (!own) return null;
  return (
    <MessageCard
      message={own}
      viewer="agent"
      linkState={states.get(own.id) ?? 'live'}
      onResendLink={async () => void (await api.escalate(conversationSid))}
      onClipView={onClipView}
      media={media}
    />
  );
}
