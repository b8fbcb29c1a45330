import { withTaskContext, type ITask } from '@twilio/flex-ui';
import { Box } from '@twilio-paste/core/box';
import { Paragraph } from '@twilio-paste/core/paragraph';
import React from 'react';
import { useAgentCallState } from '../../../src/ui/hooks/useAgentCall';
import { AgentCallPanel } from '../../../src/ui/call/AgentCallPanel';
import type { CallRegistry } from '../call-registry';
import { conversationSidOf, customerNameOf } from '../task';

/** The task's Video tab: the same panel as the local console, for this task's call. */
export function VideoTabBody({ task, calls }: { task?: ITask; calls: CallRegistry }) {
  const sid = conversationSidOf(task);
  const view = useAgentCallState(sid ? calls.for(sid) : null);
  // Paste around the shared panel: Flex's spacing and type in the tab, the panel itself shared.
  return (
    <Box padding="space40" data-testid="video-tab">
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
