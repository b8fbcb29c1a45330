import type { SupportEventRecord, SupportSide } from '../../domain/support-events';
import { noteSupportEvent, type SupportEventDeps } from './note-support-event';
import { detectSuggestion, type SuggestionTurn } from './suggestions/detect-suggestion';

export interface ChatMessageFact {
  side: SupportSide;
  hasMedia: boolean;
  /** The customer's words, read by the suggestion rules now and never stored. */
  text?: string;
}

/**
 * A chat message happened (locally: the chat and the console; Twilio: the signed `onMessageAdded`
 * webhook). The log keeps who wrote and when; a customer's message is also read by the suggestion
 * rules, which may raise a suggestion for the agent (`suggestion_shown`, reasons only).
 */
export async function noteMessage(deps: SupportEventDeps, conversationId: string, message: ChatMessageFact): Promise<void> {
  await noteSupportEvent(deps, conversationId, { kind: 'message', side: message.side, hasMedia: message.hasMedia });
  if (message.side !== 'customer') return;
  let events: SupportEventRecord[];
  try {
    events = await deps.supportEvents.list(conversationId);
  } catch {
    return; // the message is noted (or logged as not); a suggestion can wait for the next one
  }
  const state = suggestionState(events);
  if (state.pending) return;
  const found = detectSuggestion({ turns: turnsOf(events, message.text), resolved: state.resolved, videoOffered: state.videoOffered });
  // After a dismissal only the customer's own request brings video up again.
  const reasons = state.dismissed ? (found?.reasons ?? []).filter((r) => r === 'asked_for_video') : (found?.reasons ?? []);
  if (reasons.length > 0) await noteSupportEvent(deps, conversationId, { kind: 'suggestion_shown', reasons });
}

/** The history as the rules read it: counts and media flags, with the newest customer message's words. */
function turnsOf(events: readonly SupportEventRecord[], newestText: string | undefined): SuggestionTurn[] {
  const turns: SuggestionTurn[] = [];
  for (const r of events) if (r.event.kind === 'message') turns.push({ side: r.event.side, at: r.at, hasMedia: r.event.hasMedia });
  const last = turns.at(-1);
  if (last && last.side === 'customer' && newestText !== undefined) last.text = newestText;
  return turns;
}

function suggestionState(events: readonly SupportEventRecord[]) {
  let pending = false;
  let dismissed = false;
  let resolved = false;
  let videoOffered = false;
  for (const { event } of events) {
    if (event.kind === 'suggestion_shown') pending = true;
    if (event.kind === 'suggestion_dismissed') [pending, dismissed] = [false, true];
    if (event.kind === 'suggestion_accepted' || event.kind === 'video_offered') [pending, videoOffered] = [false, true];
    if (event.kind === 'resolved') [pending, resolved] = [false, true];
    // A customer writing after a resolution reopens the ticket for the rules too.
    if (event.kind === 'message' && event.side === 'customer' && resolved) resolved = false;
  }
  return { pending, dismissed, resolved, videoOffered };
}
