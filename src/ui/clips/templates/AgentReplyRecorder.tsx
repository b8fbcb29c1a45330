import React, { useMemo } from 'react';
import { agentClipApi, type ClipEndpoint } from '../../api/clip-api';
import type { ClipConnect } from '../clip-connect';
import { ClipRecorder } from '../ClipRecorder';
import { useReplyTemplate } from './useReplyTemplate';

export interface AgentReplyRecorderProps {
  endpoint: ClipEndpoint;
  /** The agent's token at the moment of each call (Flex refreshes it). */
  token(): string | null;
  conversationId: string;
  connect: ClipConnect;
  /** Filled into the template's opening line. */
  customerName?: string;
  onSent?(): void;
}

/**
 * An agent's video reply (#22), in the local console and Flex's Video clip tab alike: the shared
 * recorder with a reply template to pick at setup (sent with the take) and its checklist, with a
 * timer per part, beside the recording. The recorder offers agents screen only first.
 */
export function AgentReplyRecorder({ endpoint, token, conversationId, connect, customerName, onSent }: AgentReplyRecorderProps) {
  const reply = useReplyTemplate(customerName);
  const api = useMemo(() => agentClipApi(reply.withTemplate(endpoint), { token, conversationId }), [endpoint, token, conversationId, reply.withTemplate]);
  return (
    <ClipRecorder
      api={api}
      connect={connect}
      onSent={onSent}
      setupExtras={reply.picker}
      recordingExtras={({ elapsedSeconds }) => reply.checklist(elapsedSeconds)}
    />
  );
}
