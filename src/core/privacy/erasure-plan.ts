import type { ErasureCounts } from '../../api/privacy-contract';
import type { Clip } from '../../domain/clip';
import { CUSTOMER_VIEWER } from '../../domain/clip-views';
import type { ConversationMessage } from '../../domain/conversation';
import type { Escalation } from '../../domain/escalation';
import type { PipelineJob } from '../../domain/pipeline-job';
import type { ErasureDeps } from './privacy-deps';
import { carriesLinkToken, isUnerasedRecordingMessage } from './erased-messages';
import { isRevokedLink } from '../../domain/link-revocation';
import { hasLiveWatchLink } from '../watch/watch-links';

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
  /** Rooms whose recording still honours a customer's watch link. */
  watchLinks: string[];
  /** The keys of the customer's viewer rows: clip ids, and the calls' escalation ids (calls watched from the watch page). */
  clipIds: string[];
  clipViews: number;
}

export const hasTranscriptText = (j: PipelineJob): boolean => Boolean(j.transcript) || (j.speakers ?? []).some((s) => (s.segments ?? []).length > 0);

export async function planConversation(deps: ErasureDeps, conversationId: string): Promise<ConversationErasure> {
  const recordings: RecordingErasure[] = [];
  const jobs = await deps.pipeline.store.listByConversation(conversationId);
  for (const job of jobs) {
    recordings.push({ job, mediaFiles: await deps.recordingMedia.countMedia(job), transcript: hasTranscriptText(job) });
  }
  const messages = (await deps.conversations.get(conversationId))
    ? (await deps.conversations.listMessages(conversationId)).filter((m) => isUnerasedRecordingMessage(m) || carriesLinkToken(m))
    : [];
  const clips = await deps.clips.listByConversation(conversationId);
  const viewKeys = [...new Set([...clips.map((c) => c.id), ...jobs.map((j) => j.escalationId)])];
  let clipViews = 0;
  for (const key of viewKeys) clipViews += (await deps.clipViews.listByClip(key)).filter((v) => v.viewer === CUSTOMER_VIEWER).length;
  return {
    conversationId,
    recordings: recordings.filter((r) => r.mediaFiles > 0 || r.transcript),
    messages,
    escalationLinks: (await deps.escalations.listByConversation(conversationId)).filter((e) => !isRevokedLink(e.linkId)),
    clipLinks: clips.filter((c) => c.authorRole === 'customer' && !isRevokedLink(c.linkId)),
    watchLinks: jobs.filter(hasLiveWatchLink).map((j) => j.roomName),
    clipIds: viewKeys,
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
      linkTokens: p.escalationLinks.length + p.clipLinks.length + p.watchLinks.length,
      clipViews: p.clipViews,
    };
    if (Object.values(part).some((n) => n > 0)) counts.conversations++;
    for (const k of Object.keys(part) as (keyof typeof part)[]) counts[k] += part[k];
  }
  return counts;
}
