import { withTaskContext, type ITask } from '@twilio/flex-ui';
import React from 'react';
import { useAgentCallState } from '../../../src/ui/hooks/useAgentCall';
import { AgentCallPanel } from '../../../src/ui/call/AgentCallPanel';
import type { CallRegistry } from '../call-registry';
import { conversationSidOf, customerNameOf } from '../task';

/** The task's Video tab: the same panel as the local console, for this task's call. */
export function VideoTabBody({ task, calls }: { task?: ITask; calls: CallRegistry }) {
  const sid = conversationSidOf(task);
  const view = useAgentCallState(sid ? calls.for(sid) : null);
  if (!view.room && !view.status) {
    return (
      <p className="vx-status" data-testid="video-tab-empty">
        No video call in this task. Use <strong>Escalate to video</strong> above to invite the customer.
      </p>
    );
  }
  return <AgentCallPanel call={view} customerName={customerNameOf(task)} />;
}

/** Flex's Tab passes no task to its children: the task comes from Flex's task context. */
export const VideoTab = withTaskContext(VideoTabBody);
