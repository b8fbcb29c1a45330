import type { ErasureCounts } from '../../api/privacy-contract';
import type { Clip } from '../../domain/clip';
import { CUSTOMER_VIEWER } from '../../domain/clip-views';
import type { ConversationMessage } from '../../domain/conversation';
import type { Escalation } from '../../domain/escalation';
import type { PipelineJob } from '../../domain/pipeline-job';
import type { ErasureDeps } from './privacy-deps';
import { carriesLinkToken, isUnerasedRecordingMessage } from './erased-messages';
import { isRevokedLink } from '../../domain/link-revocation';

/** A link id no token carries: the link it replaced stops opening anything. */

export interface RecordingErasure {
  job: PipelineJob;
  /** Media items still stored (RecordingMediaStore.countMedia). */
  mediaFiles: number;
  /** The job still holds transcript text (merged, or the speakers' segments). */
  transcript: boolean;
}

/** Everything of the customer still kept in one conversation. Only what is left: a second run plans nothing. */
export interface ConversationErasure {
  conversationId: string;
  recordings: RecordingErasure[];
  /** Recording messages with transcript or player, and invitations with a link token. */
  messages: ConversationMessage[];
  escalationLinks: Escalation[];
  clipLinks: Clip[];
  clipIds: string[];
  clipViews: number;
}

export const hasTranscriptText = (j: PipelineJob): boolean => Boolean(j.transcript) || (j.speakers ?? []).some((s) => (s.segments ?? []).length > 0);

export async function planConversation(deps: ErasureDeps, conversationId: string): Promise<ConversationErasure> {
  const recordings: RecordingErasure[] = [];
  for (const job of await deps.pipeline.store.listByConversation(conversationId)) {
    recordings.push({ job, mediaFiles: await deps.recordingMedia.countMedia(job), transcript: hasTranscriptText(job) });
  }
  const messages = (await deps.conversations.get(conversationId))
    ? (await deps.conversations.listMessages(conversationId)).filter((m) => isUnerasedRecordingMessage(m) || carriesLinkToken(m))
    : [];
  const clips = await deps.clips.listByConversation(conversationId);
  let clipViews = 0;
  for (const clip of clips) clipViews += (await deps.clipViews.listByClip(clip.id)).filter((v) => v.viewer === CUSTOMER_VIEWER).length;
  return {
    conversationId,
    recordings: recordings.filter((r) => r.mediaFiles > 0 || r.transcript),
    messages,
    escalationLinks: (await deps.escalations.listByConversation(conversationId)).filter((e) => !isRevokedLink(e.linkId)),
    clipLinks: clips.filter((c) => c.authorRole === 'customer' && !isRevokedLink(c.linkId)),
    clipIds: clips.map((c) => c.id),
    clipViews,
  };
}

/** What the plan would erase, as the dry run reports it (and the real run then performs). */
export function countsOf(plans: readonly ConversationErasure[]): ErasureCounts {
  const counts: ErasureCounts = { conversations: 0, recordings: 0, mediaFiles: 0, transcripts: 0, messages: 0, linkTokens: 0, clipViews: 0 };
  for (const p of plans) {
    const rooms = new Set(p.recordings.map((r) => r.job.roomName));
    for (const m of p.messages) if (isUnerasedRecordingMessage(m) && typeof m.attributes.roomName === 'string') rooms.add(m.attributes.roomName);
    const part: Omit<ErasureCounts, 'conversations'> = {
      recordings: rooms.size,
      mediaFiles: p.recordings.reduce((n, r) => n + r.mediaFiles, 0),
      transcripts: p.recordings.filter((r) => r.transcript).length,
      messages: p.messages.length,
      linkTokens: p.escalationLinks.length + p.clipLinks.length,
      clipViews: p.clipViews,
    };
    if (Object.values(part).some((n) => n > 0)) counts.conversations++;
    for (const k of Object.keys(part) as (keyof typeof part)[]) counts[k] += part[k];
  }
  return counts;
}
