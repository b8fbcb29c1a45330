import type * as Flex from '@twilio/flex-ui';
import { NOTIFY, type PluginContext } from '../../context';
import { recordVideoInsights } from '../../insights';
import { conversationSidOf } from '../../task';

/**
 * Wrap-up ends the video call for everyone (the customer's link stops working) and records the
 * call's length for Insights. If the call cannot be ended, wrap-up waits, with the reason shown.
 */
export function registerWrapupTask(ctx: PluginContext): void {
  ctx.flex.Actions.addListener('beforeWrapupTask', async (payload: { task?: Flex.ITask }, abort: () => void) => {
    const call = ctx.calls.get(conversationSidOf(payload?.task));
    if (!call?.state.escalation || call.state.endedForEveryone) return;
    try {
      await call.end();
    } catch (e) {
      ctx.flex.Notifications.showNotification(NOTIFY.failed, { message: `Could not end the video call: ${e instanceof Error ? e.message : String(e)}` });
      abort();
      return;
    }
    const durationSeconds = call.durationSeconds();
    if (payload.task && durationSeconds !== null) {
      await recordVideoInsights(payload.task, { durationSeconds }, ctx.config.insights).catch((e) => console.warn('video-escalation: task attributes', e));
    }
  });
}
