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
