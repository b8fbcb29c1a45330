import { CLIP_RECORDING_NOTICE } from '../../domain/consent';
import { DomainError } from '../../domain/errors';
import { clipRoomName, recordedSecondsAt, takeIsOpen, type Clip, type ClipMode, type ClipStopCause } from '../../domain/clip';
import type { MediaAccess } from '../../domain/escalation';
import type { RoomRef } from '../../ports/rooms';
import type { CoreDeps } from '../deps';
import { registerRecording, roomEnded } from '../pipeline/room-ended';
import type { RoomEndedEvent } from '../pipeline/events';
import { watchUrlFor } from '../watch/watch-links';
import { processingClipMessage } from '../pipeline/text/recording-message';
import { messageAuthor } from '../pipeline/job-update';
import { saveClip } from './clip-save';
import { assertConversationOpen } from '../privacy/conversation-open';
import { noteSupportEvent } from '../support/note-support-event';
import { AGENT_TEMPLATES } from '../../domain/agent-templates';

export interface StartTakeInput {
  mode: ClipMode;
  consent: boolean;
  noticeVersion?: string;
  userAgent?: string;
  /** Agent clips (#22): the reply template recorded with (a known id, or left out). */
  template?: string;
}

const roomOf = (clip: Clip): RoomRef => ({ name: clip.roomName as string, sid: clip.roomSid as string });

const wrongState = (clip: Clip, action: string) =>
  new DomainError('conflict', `clip_${clip.status}`, `The clip is ${clip.status}: it cannot ${action} now.`);

/**
 * A new take: its own recorded room, opened to the author alone. A take already open must be
 * stopped or discarded first, and a stopped one sent or discarded: no recording is dropped silently.
 */
export async function startTake(deps: CoreDeps, clip: Clip, input: StartTakeInput): Promise<{ clip: Clip; access: MediaAccess }> {
  if (clip.status !== 'offered' && clip.status !== 'discarded') throw wrongState(clip, 'start a new take');
  // A link sent before the close does not record into a closed conversation (its retention clock runs).
  await assertConversationOpen(deps, clip.conversationId);
  if (!input.consent) throw new DomainError('forbidden', 'consent_required', 'Clips are recorded: agree to the recording notice first.');
  if (input.noticeVersion !== CLIP_RECORDING_NOTICE.version) {
    throw new DomainError('conflict', 'notice_changed', 'The recording notice has changed. Reload the page and read it again.');
  }
  const take = clip.take + 1;
  const name = clipRoomName(clip.id, take);
  // Twilio's minimum (1 minute): a closed tab ends the take through the room-ended webhook.
  const room = await deps.rooms.createRoom({ name, recording: true, maxParticipants: 2, emptyTimeoutMinutes: 1 });
  const now = deps.clock.now().toISOString();
  let started: Clip;
  try {
    started = await saveClip(deps, clip, {
      status: 'recording',
      mode: input.mode,
      take,
      roomName: room.name,
      roomSid: room.sid,
      recordedSeconds: 0,
      runningSince: now,
      stoppedAt: undefined,
      stopCause: undefined,
      ...(clip.authorRole === 'agent' && input.template && AGENT_TEMPLATES.some((t) => t.id === input.template) ? { template: input.template } : {}),
    });
  } catch (e) {
    await deps.rooms.endRoom(room);
    throw e;
  }
  await deps.consents.record({
    id: deps.newId(),
    escalationId: clip.id,
    roomName: room.name,
    participantIdentity: clip.authorIdentity,
    role: clip.authorRole,
    noticeVersion: CLIP_RECORDING_NOTICE.version,
    noticeText: CLIP_RECORDING_NOTICE.text,
    userAgent: (input.userAgent ?? '').slice(0, 512),
    consentedAt: now,
  });
  const access = await deps.rooms.grantAccess(room, {
    identity: clip.authorIdentity,
    displayName: clip.authorName,
    role: clip.authorRole,
    // Long enough for the whole take and its reconnects, not for a day.
    ttlSeconds: Math.min(deps.config.ACCESS_TTL_SECONDS, deps.config.CLIP_MAX_SECONDS + 15 * 60),
  });
  return { clip: started, access };
}

/** Pause: the room stays and the author keeps publishing; the media server stops recording. */
export async function pauseTake(deps: CoreDeps, clip: Clip): Promise<Clip> {
  if (clip.status !== 'recording') throw wrongState(clip, 'pause');
  await deps.rooms.setRecording(roomOf(clip), false);
  return saveClip(deps, clip, {
    status: 'paused',
    recordedSeconds: recordedSecondsAt(clip, deps.clock.now()),
    runningSince: undefined,
  });
}

export async function resumeTake(deps: CoreDeps, clip: Clip): Promise<Clip> {
  if (clip.status !== 'paused') throw wrongState(clip, 'resume');
  await deps.rooms.setRecording(roomOf(clip), true);
  return saveClip(deps, clip, { status: 'recording', runningSince: deps.clock.now().toISOString() });
}

/**
 * Ends the take's room; the recording is kept for the author's preview and Send. The clip is
 * marked stopped first: the room-ended event this causes (Twilio's webhook) then finds a stopped
 * take, not an open one it would send as "author gone".
 */
export async function stopTake(deps: CoreDeps, clip: Clip, cause: ClipStopCause = 'author', endedAt?: Date): Promise<Clip> {
  if (!takeIsOpen(clip)) throw wrongState(clip, 'stop');
  const now = deps.clock.now();
  const stopped = await saveClip(deps, clip, {
    status: 'stopped',
    recordedSeconds: Math.min(deps.config.CLIP_MAX_SECONDS, recordedSecondsAt(clip, endedAt && endedAt < now ? endedAt : now)),
    runningSince: undefined,
    stoppedAt: now.toISOString(),
    stopCause: cause,
  });
  await deps.rooms.endRoom(roomOf(clip));
  return stopped;
}

/** Retake or discard: the take's room ends and everything it recorded is deleted. */
export async function discardTake(deps: CoreDeps, clip: Clip): Promise<Clip> {
  if (clip.status === 'offered' || clip.status === 'discarded') return clip;
  if (!takeIsOpen(clip) && clip.status !== 'stopped') throw wrongState(clip, 'be discarded');
  const room = roomOf(clip);
  if (takeIsOpen(clip)) await deps.rooms.endRoom(room);
  const discarded = await saveClip(deps, clip, {
    status: 'discarded',
    recordedSeconds: 0,
    runningSince: undefined,
    stoppedAt: undefined,
    stopCause: undefined,
  });
  await deps.rooms.discardRecordings(room);
  return discarded;
}

/**
 * Sends a stopped take: the clip message goes into the conversation at once ("processing"), then
 * the room enters the same pipeline as a call, which updates that message in place when the
 * picture-in-picture video and the transcript are attached.
 */
export async function sendClip(deps: CoreDeps, clip: Clip, extras: Pick<Clip, 'annotations' | 'description'> = {}): Promise<Clip> {
  if (clip.status !== 'stopped') throw wrongState(clip, 'be sent');
  // Stored with the clip before the pipeline starts: its finishing step reads the annotations from here.
  const sent = await saveClip(deps, clip, {
    status: 'sent',
    ...(extras.annotations?.length ? { annotations: extras.annotations } : {}),
    ...(extras.description ? { description: extras.description } : {}),
  });
  const roomName = sent.roomName as string;
  const ended: RoomEndedEvent = {
    roomName,
    roomSid: sent.roomSid as string,
    conversationId: sent.conversationId,
    escalationId: sent.id,
    recording: true,
    endedAt: sent.stoppedAt ?? deps.clock.now().toISOString(),
    kind: 'clip',
    clip: clipRef(sent),
  };
  // An agent's reply carries the customer's watch link from its first post: an SMS customer gets
  // that body only (a delivered text cannot change; see CustomerLinks.signWatch).
  const watchUrl = sent.authorRole === 'agent' && deps.pipeline.watchLinks ? await watchUrlFor(deps.pipeline, await registerRecording(deps.pipeline, ended)) : undefined;
  const content = processingClipMessage({ roomName, clip: clipRef(sent), durationSeconds: sent.recordedSeconds, watchUrl });
  const existing = await deps.conversations.findMessageByAttribute(sent.conversationId, 'idempotencyKey', roomName);
  if (!existing) await deps.conversations.postMessage(sent.conversationId, { author: sent.authorName || messageAuthor(deps.pipeline), ...content });
  await noteSupportEvent(deps, sent.conversationId, { kind: 'clip_sent', side: sent.authorRole, clipId: sent.id, seconds: Math.round(sent.recordedSeconds) });
  await roomEnded(deps.pipeline, ended);
  return sent;
}

const clipRef = (c: Clip) => ({ clipId: c.id, authorRole: c.authorRole, authorName: c.authorName, mode: c.mode ?? 'camera', ...(c.description ? { description: c.description } : {}), ...(c.annotations?.length ? { annotated: true } : {}) });

/**
 * A take whose author is gone (tab closed), or that reached the cap after they went: stop, and
 * send what was recorded (up to `endedAt`, when the author was first seen gone).
 */
export async function stopAndSend(deps: CoreDeps, clip: Clip, cause: ClipStopCause, endedAt?: Date): Promise<Clip> {
  return sendClip(deps, await stopTake(deps, clip, cause, endedAt));
}
