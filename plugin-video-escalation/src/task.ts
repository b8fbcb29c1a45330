import type * as Flex from '@twilio/flex-ui';

/** The chat conversation (CH…) behind a Flex task, or '' for a task that has none. */
export const conversationSidOf = (task: Flex.ITask | undefined): string =>
  String(task?.attributes?.conversationSid ?? task?.attributes?.channelSid ?? '');

/** How the agent's panel names the customer: the task's own customer name, when it has one. */
export function customerNameOf(task: Flex.ITask | undefined): string | undefined {
  const a = (task?.attributes ?? {}) as Record<string, unknown>;
  const name = [a.customerName, a.name, a.friendlyName].find((v) => typeof v === 'string' && v.trim() !== '');
  return name as string | undefined;
}

/**
 * The agent's own task on a conversation: one the plugin has seen (accepted, or a call or clip
 * started from it), else one in Flex's list of the worker's tasks (accepted before a reload).
 */
export function agentTaskFor(ctx: { tasks: Map<string, Flex.ITask>; manager: Flex.Manager }, conversationSid: string): Flex.ITask | undefined {
  if (!conversationSid) return undefined;
  const known = ctx.tasks.get(conversationSid);
  if (known) return known;
  const mine = (ctx.manager.store?.getState?.() as { flex?: { worker?: { tasks?: Map<string, Flex.ITask> } } } | undefined)?.flex?.worker?.tasks;
  return mine ? [...mine.values()].find((task) => conversationSidOf(task) === conversationSid) : undefined;
}
