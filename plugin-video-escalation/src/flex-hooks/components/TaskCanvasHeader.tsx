import type { ITask } from '@twilio/flex-ui';
import React from 'react';
import { EscalateToVideoButton } from '../../components/EscalateToVideoButton';
import type { PluginContext } from '../../context';

/** "Escalate to video" in the task header, for chat tasks the agent has accepted. */
export function addEscalateButton({ flex, calls }: PluginContext): void {
  flex.TaskCanvasHeader.Content.add(<EscalateToVideoButton key="video-escalation-button" calls={calls} />, {
    sortOrder: 1,
    if: (props: { task?: ITask }) => !!props.task && flex.TaskHelper.isChatBasedTask(props.task) && props.task.taskStatus === 'assigned',
  });
}
