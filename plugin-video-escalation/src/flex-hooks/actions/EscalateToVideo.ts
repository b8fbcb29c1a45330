import type * as Flex from '@twilio/flex-ui';
import type { EscalateResponse } from '../../../../src/api/contract';
import { ACTION_ESCALATE, NOTIFY, type PluginContext } from '../../context';
import { recordVideoInsights } from '../../insights';
import { conversationSidOf } from '../../task';

export interface EscalateToVideoPayload {
  task: Flex.ITask;
}

/**
 * `EscalateToVideo`: posts the customer's link into the task's chat through the Functions (with
 * the agent's Flex token) and joins the call. A before listener can abort it, as with any Flex
 * action; it resolves with the Functions' answer (the link sent).
 */
export function registerEscalateToVideo(ctx: PluginContext): void {
  ctx.flex.Actions.registerAction(ACTION_ESCALATE, async (payload: EscalateToVideoPayload): Promise<EscalateResponse> => {
    const sid = conversationSidOf(payload?.task);
    if (!sid) throw new Error('This task has no chat conversation to move to video.');
    ctx.tasks.set(sid, payload.task);
    let res: EscalateResponse;
    try {
      res = await ctx.calls.for(sid).escalate(sid);
    } catch (e) {
      ctx.flex.Notifications.showNotification(NOTIFY.failed, { message: `Could not start the video call: ${e instanceof Error ? e.message : String(e)}` });
      throw e;
    }
    ctx.flex.Notifications.showNotification(NOTIFY.linkSent, {
      message: res.reused ? 'The video call is open: you rejoined it.' : 'Video call link sent to the customer.',
    });
    // Reporting must not stand in the way of the call.
    await recordVideoInsights(payload.task, { videoUsed: true }, ctx.config.insights).catch((e) => console.warn('video-escalation: task attributes', e));
    return res;
  });
}
