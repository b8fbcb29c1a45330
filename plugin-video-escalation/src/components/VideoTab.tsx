import { withTaskContext, type ITask } from '@twilio/flex-ui';
import { Box } from '@twilio-paste/core/box';
import { Paragraph } from '@twilio-paste/core/paragraph';
import React, { useEffect, useState } from 'react';
import type { EscalationApi } from '../../../src/ui/api/escalation-api';
import type { SupportTicketApi } from '../../../src/ui/api/support-ticket-api';
import { useAgentCallState } from '../../../src/ui/hooks/useAgentCall';
import { AgentCallPanel } from '../../../src/ui/call/AgentCallPanel';
import { useVideoSuggestion } from '../../../src/ui/support/useVideoSuggestion';
import { VideoSuggestionBanner } from '../../../src/ui/support/VideoSuggestionBanner';
import type { CallRegistry } from '../call-registry';
import type { MessageTicks } from '../message-ticks';
import { conversationSidOf, customerNameOf } from '../task';

export interface VideoTabProps {
  task?: ITask;
  calls: CallRegistry;
  /** Sends a clip request with the suggestion's words. */
  api: EscalationApi;
  /** The ticket's suggestion: asked when the tab opens and again as messages arrive. */
  support: SupportTicketApi;
  ticks: MessageTicks;
}

/** The conversation's message count, following the plugin's ticks. */
function useTicks(ticks: MessageTicks, sid: string): number {
  const [count, setCount] = useState(() => ticks.count(sid));
  useEffect(() => {
    setCount(ticks.count(sid));
    return ticks.subscribe((moved) => moved === sid && setCount(ticks.count(sid)));
  }, [ticks, sid]);
  return count;
}

/**
 * The task's Video tab: a video suggestion when one waits (#20), above the same call panel as the
 * local console, for this task's call.
 */
export function VideoTabBody({ task, calls, api, support, ticks }: VideoTabProps) {
  const sid = conversationSidOf(task);
  const view = useAgentCallState(sid ? calls.for(sid) : null);
  const { suggestion, clear } = useVideoSuggestion(support, sid || null, useTicks(ticks, sid));
  // Paste around the shared panel: Flex's spacing and type in the tab, the panel itself shared.
  return (
    <Box padding="space40" data-testid="video-tab">
      {suggestion && sid && (
        <Box marginBottom="space40">
          <VideoSuggestionBanner
            key={suggestion.at}
            suggestion={suggestion}
            onSend={async (medium, message) => {
              if (medium === 'clip') await api.offerClip(sid, { viaSuggestion: true, message });
              else await calls.for(sid).escalate(sid, { viaSuggestion: true, message });
              clear();
            }}
            onDismiss={async () => {
              await support.dismiss(sid);
              clear();
            }}
          />
        </Box>
      )}
      {!view.room && !view.status ? (
        <Paragraph marginBottom="space0" data-testid="video-tab-empty">
          No video call in this task. Use <strong>Escalate to video</strong> above to invite the customer.
        </Paragraph>
      ) : (
        <AgentCallPanel call={view} customerName={customerNameOf(task)} />
      )}
    </Box>
  );
}

/** Flex's Tab passes no task to its children: the task comes from Flex's task context. */
export const VideoTab = withTaskContext(VideoTabBody);
