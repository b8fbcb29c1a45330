import { MESSAGE_TYPES } from '../../../../src/domain/message-types';
import { NOTIFY, type PluginContext } from '../../context';
import { recordVideoInsights } from '../../insights';

interface AddedMessage {
  attributes?: unknown;
  conversation?: { sid?: string };
}
interface MessageEvents {
  on(event: 'messageAdded', listener: (message: AddedMessage) => void): unknown;
}

/**
 * Tells the agent when the recording and transcript land in a conversation of theirs (or could
 * not be made), and records for Insights that the task has a recording.
 */
export function followRecordings(ctx: PluginContext): void {
  const client = (ctx.manager as unknown as { conversationsClient?: MessageEvents }).conversationsClient;
  client?.on('messageAdded', (message) => {
    const task = ctx.tasks.get(message.conversation?.sid ?? '');
    const a = (message.attributes ?? {}) as { type?: unknown; mediaUrl?: unknown; reason?: unknown; kind?: unknown; authorRole?: unknown };
    if (!task) return;
    if (a.type === MESSAGE_TYPES.recording && a.kind === 'clip') {
      // The customer's clip arrives at Send, still processing; its card in the chat becomes the player.
      if (a.authorRole === 'customer') {
        ctx.flex.Notifications.showNotification(NOTIFY.clipReceived, { message: 'The customer sent a video clip. It plays in the chat once processed.' });
      }
    } else if (a.type === MESSAGE_TYPES.recording) {
      ctx.flex.Notifications.showNotification(NOTIFY.recordingAttached, {
        message: 'The video call recording and its transcript are attached to the conversation.',
      });
      if (typeof a.mediaUrl === 'string') {
        void recordVideoInsights(task, { recordingUrl: a.mediaUrl }, ctx.config.insights).catch((e) => console.warn('video-escalation: task attributes', e));
      }
    } else if (a.type === MESSAGE_TYPES.recordingFailed) {
      ctx.flex.Notifications.showNotification(NOTIFY.recordingFailed, {
        message: 'The video call recording could not be processed. A supervisor can retry it.',
      });
    }
  });
}
