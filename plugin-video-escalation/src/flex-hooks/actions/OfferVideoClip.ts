import type * as Flex from '@twilio/flex-ui';
import type { OfferClipResponse } from '../../../../src/api/contract';
import { ACTION_OFFER_CLIP, NOTIFY, type PluginContext } from '../../context';
import { conversationSidOf } from '../../task';

/**
 * `OfferVideoClip`: posts the customer a recording link for an async clip through the Functions.
 * The task is remembered, so the clip's arrival in that conversation is announced.
 */
export function registerOfferVideoClip(ctx: PluginContext): void {
  ctx.flex.Actions.registerAction(ACTION_OFFER_CLIP, async (payload: { task: Flex.ITask }): Promise<OfferClipResponse> => {
    const sid = conversationSidOf(payload?.task);
    if (!sid) throw new Error('This task has no chat conversation to ask a clip in.');
    ctx.tasks.set(sid, payload.task);
    try {
      const res = await ctx.api.offerClip(sid);
      ctx.flex.Notifications.showNotification(NOTIFY.linkSent, { message: 'Recording link sent to the customer.' });
      return res;
    } catch (e) {
      ctx.flex.Notifications.showNotification(NOTIFY.failed, { message: `Could not ask for a clip: ${e instanceof Error ? e.message : String(e)}` });
      throw e;
    }
  });
}
