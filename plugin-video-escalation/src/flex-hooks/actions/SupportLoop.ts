import type * as Flex from '@twilio/flex-ui';
import type { TicketVideoFacts } from '../../../../src/api/support-ticket-contract';
import { browserTimeZone } from '../../../../src/ui/api/support-ticket-api';
import type { PluginContext } from '../../context';
import { recordVideoInsights, videoFactsOfTicket } from '../../insights';
import { announceSuggestion } from '../../suggestion-notice';
import { httpResolveTicket } from '../../support-api';
import { conversationSidOf } from '../../task';

type TaskPayload = { task?: Flex.ITask; sid?: string };

/**
 * The ticket's life in Flex (#20), from the task's: accepting it says the agent joined (with the
 * browser's time zone and the worker's team) and announces a suggestion already waiting;
 * completing it writes the ticket's video facts to the task for Flex Insights (which reads the
 * attributes a task completes with); after completion `resolveCompletedTask` resolves the ticket
 * with the wrap-up's outcome (which posts the customer's survey). None of it may stand in the agent's way: failures are logged.
 */
export function registerSupportLoop(ctx: PluginContext): void {
  const { Actions } = ctx.flex;
  const taskOf = (payload: TaskPayload | undefined) => payload?.task ?? (payload?.sid ? ctx.flex.TaskHelper?.getTaskByTaskSid?.(payload.sid) : undefined);

  Actions.addListener('afterAcceptTask', async (payload: TaskPayload) => {
    const task = taskOf(payload);
    const sid = conversationSidOf(task);
    if (!task || !sid) return;
    ctx.tasks.set(sid, task);
    try {
      const suggestion = await ctx.support.joined(sid, { timeZone: browserTimeZone(), team: teamOf(ctx.manager) });
      announceSuggestion(ctx, sid, suggestion, task);
    } catch (e) {
      console.warn('video-escalation: could not note that the agent joined the ticket', e);
    }
  });

  Actions.addListener('beforeCompleteTask', async (payload: TaskPayload) => {
    const task = taskOf(payload);
    const sid = conversationSidOf(task);
    // Still in the call: the CompleteTask listener cancels this completion; write nothing yet.
    if (!task || !sid || ctx.calls.get(sid)?.connected) return;
    try {
      const facts: TicketVideoFacts | undefined = await ctx.support.facts(sid);
      if (facts && typeof facts === 'object') await recordVideoInsights(task, videoFactsOfTicket(facts), ctx.config.insights);
    } catch (e) {
      console.warn('video-escalation: could not record the ticket’s video facts for Insights', e);
    }
  });

}

/**
 * Resolves a completed task's ticket with the wrap-up's outcome, which posts the customer's survey.
 * Called by the completion listener (CloseConversation.ts) before it closes the conversation: a
 * closed conversation takes no survey, and Flex runs the listeners of one action side by side.
 */
export async function resolveCompletedTask(ctx: PluginContext, task: Flex.ITask | undefined, fetchImpl?: typeof fetch): Promise<void> {
  const conversationId = conversationSidOf(task);
  if (!conversationId) return;
  const resolver = httpResolveTicket({ baseUrl: ctx.config.functionsBaseUrl, token: () => ctx.manager.user.token, fetchImpl });
  const outcome = (task?.attributes?.conversations as { outcome?: unknown } | undefined)?.outcome;
  const disposition = typeof outcome === 'string' && outcome.trim() !== '' ? outcome : undefined;
  try {
    await resolver.resolve({ conversationId, source: 'task_completed', ...(disposition ? { disposition } : {}) });
  } catch (e) {
    console.warn('video-escalation: could not resolve the ticket', e);
  }
}

/** The worker's team (its `team_name` attribute, as Flex Insights reads it), when it has one. */
function teamOf(manager: Flex.Manager): string | undefined {
  const team = (manager.workerClient?.attributes as Record<string, unknown> | undefined)?.team_name;
  return typeof team === 'string' && team.trim() !== '' ? team : undefined;
}
