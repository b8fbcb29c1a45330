import { MESSAGE_TYPES } from '../../../../src/domain/message-types';
import { NOTIFY, type PluginContext } from '../../context';
import { recordVideoInsights } from '../../insights';
import { announceSuggestion } from '../../suggestion-notice';
import { agentTaskFor } from '../../task';

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
  conversationsOf(ctx)?.on('messageAdded', (message) => {
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

const OUR_TYPES: readonly unknown[] = Object.values(MESSAGE_TYPES);

/**
 * How long after a message arrives the plugin asks about it: the Functions read each chat message
 * from Twilio's `onMessageAdded` webhook, which lands about when the agent's client sees it, so
 * asking at once would mostly find no suggestion raised yet.
 */
export const SUGGESTION_SETTLE_MS = 1500;

/**
 * Video suggestions while the agent chats (#20): each message in one of the agent's conversations
 * moves its tick (an open Video tab asks again); a chat message (not one of the product's own)
 * may have raised a suggestion, which is announced once.
 */
export function followSuggestions(ctx: PluginContext): void {
  // A burst of messages (a customer typing in short lines) is asked about once: per conversation,
  // whether a chat message is among those waiting for the settle time.
  const waiting = new Map<string, { chat: boolean }>();
  conversationsOf(ctx)?.on('messageAdded', (message) => {
    const sid = message.conversation?.sid ?? '';
    const task = agentTaskFor(ctx, sid);
    if (!task) return;
    const chat = !OUR_TYPES.includes((message.attributes as { type?: unknown } | undefined)?.type);
    const pending = waiting.get(sid);
    if (pending) {
      pending.chat ||= chat;
      return;
    }
    const batch = { chat };
    waiting.set(sid, batch);
    setTimeout(() => {
      waiting.delete(sid);
      ctx.ticks.bump(sid);
      if (!batch.chat) return;
      ctx.support.suggestion(sid).then(
        (suggestion) => announceSuggestion(ctx, sid, suggestion, task),
        (e) => console.warn('video-escalation: could not ask for a video suggestion', e),
      );
    }, SUGGESTION_SETTLE_MS);
  });
}

const conversationsOf = (ctx: PluginContext) => (ctx.manager as unknown as { conversationsClient?: MessageEvents }).conversationsClient;
