import type { VideoMedium } from '../../domain/support-events';
import { noteSupportEvent, type SupportEventDeps } from './note-support-event';

/** The agent offered video; through a suggestion, that suggestion counts as accepted too. */
export async function noteVideoOffered(deps: SupportEventDeps, conversationId: string, medium: VideoMedium, viaSuggestion: boolean): Promise<void> {
  await noteSupportEvent(deps, conversationId, { kind: 'video_offered', medium, viaSuggestion });
  if (viaSuggestion) await noteSupportEvent(deps, conversationId, { kind: 'suggestion_accepted', medium });
}
