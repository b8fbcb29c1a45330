import type * as Flex from '@twilio/flex-ui';
import type { VideoSuggestion } from '../../src/api/support-ticket-contract';
import { NOTIFY, type PluginContext } from './context';
import { customerNameOf } from './task';

/** The words of the notice: who, the first reason, and where to act. */
export function suggestionNotice(suggestion: VideoSuggestion, task: Flex.ITask | undefined): string {
  const why = (suggestion.explanation[0] ?? 'the conversation suggests it').replace(/[.\s]+$/, '');
  return `Video may help with ${customerNameOf(task) ?? 'the customer'}: ${why}. Open the Video tab to send the invitation.`;
}

/**
 * Tells the agent a suggestion is waiting, once per suggestion (a new one has a new `at`); the
 * Video tab holds the invitation itself.
 */
export function announceSuggestion(ctx: PluginContext, conversationSid: string, suggestion: VideoSuggestion | null, task: Flex.ITask | undefined): void {
  if (!suggestion || ctx.suggestionsAnnounced.get(conversationSid) === suggestion.at) return;
  ctx.suggestionsAnnounced.set(conversationSid, suggestion.at);
  ctx.flex.Notifications.showNotification(NOTIFY.videoSuggested, { message: suggestionNotice(suggestion, task) });
}
