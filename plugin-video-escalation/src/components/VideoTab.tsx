import { withTaskContext, type ITask } from '@twilio/flex-ui';
import React from 'react';
import { useAgentCallState } from '../../../src/ui/call/useAgentCall';
import { VideoPanel } from '../../../src/ui/components/VideoPanel';
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
  return (
    <VideoPanel
      room={view.room}
      status={view.status}
      onEnd={view.end}
      endedForEveryone={view.endedForEveryone}
      recording={view.recording}
      customerName={customerNameOf(task)}
      onRejoin={sid ? () => void view.escalate(sid).catch(() => undefined) : undefined}
      onClose={view.close}
    />
  );
}

/** Flex's Tab passes no task to its children: the task comes from Flex's task context. */
export const VideoTab = withTaskContext(VideoTabBody);
