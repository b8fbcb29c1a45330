import React from 'react';
import { VideoPanel } from '../components/VideoPanel';
import type { AgentCallView } from '../hooks/useAgentCall';

/**
 * The agent's call as the video panel shows it, in Flex's Video tab and the local console alike:
 * End ends it for everyone, Rejoin reopens the same conversation's call, Close hides it.
 */
export function AgentCallPanel({ call, customerName }: { call: AgentCallView; customerName?: string }) {
  const conversationId = call.conversationId;
  return (
    <VideoPanel
      room={call.room}
      status={call.status}
      onEnd={call.end}
      endedForEveryone={call.endedForEveryone}
      recording={call.recording}
      customerName={customerName}
      onRejoin={conversationId ? () => void call.escalate(conversationId).catch(() => undefined) : undefined}
      onClose={call.close}
    />
  );
}
