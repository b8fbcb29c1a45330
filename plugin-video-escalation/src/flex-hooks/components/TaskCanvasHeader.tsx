import type { ITask } from '@twilio/flex-ui';
import React from 'react';
import { EscalateToVideoButton } from '../../components/EscalateToVideoButton';
import { OfferClipButton } from '../../components/OfferClipButton';
import type { PluginContext } from '../../context';

/** "Escalate to video" and "Ask for a video clip" in the task header, for chat tasks the agent has accepted. */
export function addEscalateButton({ flex, calls }: PluginContext): void {
  const assignedChat = (props: { task?: ITask }) => !!props.task && flex.TaskHelper.isChatBasedTask(props.task) && props.task.taskStatus === 'assigned';
  flex.TaskCanvasHeader.Content.add(<EscalateToVideoButton key="video-escalation-button" calls={calls} />, { sortOrder: 1, if: assignedChat });
  flex.TaskCanvasHeader.Content.add(<OfferClipButton key="video-clip-offer-button" />, { sortOrder: 2, if: assignedChat });
}
