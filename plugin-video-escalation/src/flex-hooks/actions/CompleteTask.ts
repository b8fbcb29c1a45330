import type * as Flex from '@twilio/flex-ui';
import { NOTIFY, type PluginContext } from '../../context';
import { conversationSidOf } from '../../task';

/** A task cannot be completed while the agent is still in its video call: Flex says why. */
export function registerCompleteTask(ctx: PluginContext): void {
  ctx.flex.Actions.addListener('beforeCompleteTask', (payload: { task?: Flex.ITask }, abort: () => void) => {
    if (ctx.calls.get(conversationSidOf(payload?.task))?.connected) {
      ctx.flex.Notifications.showNotification(NOTIFY.stillConnected);
      abort();
    }
  });
}
