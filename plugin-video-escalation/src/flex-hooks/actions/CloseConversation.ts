import type * as Flex from '@twilio/flex-ui';
import type { CloseConversationRequest } from '../../../../src/api/privacy-contract';
import { requestJson } from '../../../../src/client/request-json';
import type { PluginContext } from '../../context';
import { conversationSidOf } from '../../task';
import { resolveCompletedTask } from './SupportLoop';

/**
 * A completed chat task resolves its ticket (the customer's survey goes out), then closes its
 * conversation for retention (source `task_completed`): the
 * retention clock starts from the ticket's close. After the action, so it never holds up
 * completion; a failure is logged (on Twilio the Conversations close webhook closes it too).
 */
export function registerCloseOnComplete(ctx: PluginContext, fetchImpl?: typeof fetch): void {
  ctx.flex.Actions.addListener('afterCompleteTask', async (payload: { task?: Flex.ITask; sid?: string }) => {
    const task = payload?.task ?? (payload?.sid ? ctx.flex.TaskHelper?.getTaskByTaskSid?.(payload.sid) : undefined);
    const conversationId = conversationSidOf(task);
    if (!conversationId) return;
    // Resolve first: the survey is posted into the conversation, which closing would shut.
    await resolveCompletedTask(ctx, task, fetchImpl);
    const body: CloseConversationRequest & { Token: string } = { conversationId, source: 'task_completed', Token: ctx.manager.user.token ?? '' };
    try {
      await requestJson(`${ctx.config.functionsBaseUrl.replace(/\/$/, '')}/close-conversation`, { method: 'POST', body }, fetchImpl);
    } catch (e) {
      console.warn('video-escalation: could not close the conversation for retention', e);
    }
  });
}
