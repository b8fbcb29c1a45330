import type { ClipViewEventResponse } from '../../api/contract';
import type { Clip } from '../../domain/clip';
import { advanceClipView, clipViewMoved, CUSTOMER_VIEWER, type ClipViewEvent, type ClipViewRecord } from '../../domain/clip-views';
import { DomainError } from '../../domain/errors';
import type { PipelineJob } from '../../domain/pipeline-job';
import type { CoreDeps } from '../deps';
import type { RecordingViewer } from '../pipeline/playback/authorize';
import { authorizePlayback } from '../pipeline/playback/playback';
import { viewSummary, withCustomerView } from './clip-view-message';
import { noteSupportEvent } from '../support/note-support-event';

export interface ClipViewInput {
  recordingId: string;
  event: ClipViewEvent;
  positionSeconds?: number;
}

/** The key a viewer's row is stored under: their staff identity, or the conversation's customer. */
const viewerKey = (viewer: RecordingViewer): string => (viewer.kind === 'staff' ? viewer.staff.identity : CUSTOMER_VIEWER);

const isOwnClip = (clip: Clip, viewer: RecordingViewer): boolean =>
  viewer.kind === 'staff' ? clip.authorRole === 'agent' && clip.agentIdentity === viewer.staff.identity : clip.authorRole === 'customer';

/**
 * Records that a viewer opened a clip or got further into it. Only someone who may watch the clip
 * records a view (the playback decision); its author's own viewing is not a view. Repeating an
 * event changes nothing, the furthest point only grows, and the clip counts as watched once 90 %
 * of it was reached, or in full once the player says it ended. The customer's view is put on the clip message for the agent to see.
 */
export async function recordClipView(deps: CoreDeps, viewer: RecordingViewer, input: ClipViewInput): Promise<ClipViewEventResponse> {
  const position = input.positionSeconds ?? 0;
  if (!Number.isFinite(position) || position < 0) {
    throw new DomainError('invalid_request', 'invalid_position', 'positionSeconds must be a number of seconds from the start.');
  }
  const job = await authorizePlayback(deps, viewer, input.recordingId);
  const clip = job.kind === 'clip' ? await deps.clips.get(job.escalationId) : null;
  if (!clip) throw new DomainError('invalid_request', 'not_a_clip', 'Views are recorded for video clips only.');
  if (isOwnClip(clip, viewer)) return { recorded: false };
  return recordView(deps, job, { key: viewerKey(viewer), durationSeconds: durationOf(job, clip) }, { event: input.event, positionSeconds: position });
}

/**
 * Records one event of a viewer already allowed to watch the job's recording (the customer's watch
 * page checks its link first). The row is keyed by `job.escalationId`: the clip's id for a clip,
 * the call's escalation for a call watched from the watch page.
 */
export async function recordView(
  deps: CoreDeps,
  job: PipelineJob,
  viewer: { key: string; durationSeconds: number },
  input: { event: ClipViewEvent; positionSeconds: number },
): Promise<ClipViewEventResponse> {
  const key = viewer.key;
  const previous = await deps.clipViews.get(job.escalationId, key);
  const next = advanceClipView(
    previous,
    {
      clipId: job.escalationId,
      viewer: key,
      recordingId: job.recordingId,
      conversationId: job.conversationId,
      positionSeconds: input.positionSeconds,
      ended: input.event === 'ended',
    },
    viewer.durationSeconds,
    deps.clock.now(),
  );
  // The same event again (a reload, a retried request) writes nothing and tells nobody.
  if (previous && !clipViewMoved(previous, next)) return { recorded: true, view: viewSummary(previous) };
  const stored = await deps.clipViews.record(next);
  if (key === CUSTOMER_VIEWER) await showOnMessage(deps, job, stored);
  await noteClipWatched(deps, job, key, previous, stored);
  return { recorded: true, view: viewSummary(stored) };
}

/** The composed video's length; before the pipeline measured it, what the take recorded. */
const durationOf = (job: PipelineJob, clip: Clip): number => job.video?.durationSeconds ?? clip.recordedSeconds;

/**
 * Puts the customer's view on the clip message (found by its idempotency key, read just before,
 * so the pipeline's latest content is kept). A clip whose message is gone keeps the stored view.
 */
async function showOnMessage(deps: CoreDeps, job: PipelineJob, view: ClipViewRecord): Promise<void> {
  const message = await deps.conversations.findMessageByAttribute(job.conversationId, 'idempotencyKey', job.roomName);
  if (!message) return;
  await deps.conversations.updateMessage(job.conversationId, message.id, { attributes: withCustomerView(message.attributes, viewSummary(view)) });
}

/** The log counts a clip's first opening by each side and its first watch-through (clips only; calls have no author to reply to). */
async function noteClipWatched(deps: CoreDeps, job: PipelineJob, viewer: string, previous: ClipViewRecord | null, stored: ClipViewRecord): Promise<void> {
  if (job.kind !== 'clip') return;
  const side = viewer === CUSTOMER_VIEWER ? 'customer' : 'agent';
  if (!previous) await noteSupportEvent(deps, job.conversationId, { kind: 'clip_watched', side, clipId: job.escalationId, completed: false });
  if (stored.completed && !previous?.completed) await noteSupportEvent(deps, job.conversationId, { kind: 'clip_watched', side, clipId: job.escalationId, completed: true });
}
