import { recordedSecondsAt, type Clip } from '../../domain/clip';
import { DomainError } from '../../domain/errors';
import { logger } from '../../logger';
import type { CoreDeps } from '../deps';
import { stopAndSend, stopTake } from './clip-takes';

/**
 * The server's side of a take's limits, checked on a timer (local back end) for every open take:
 * - the length cap: a take that has recorded `CLIP_MAX_SECONDS` is ended, whatever the browser
 *   does, and kept for its author to send;
 * - the author gone (tab closed, network lost, the room lost in a restart) for
 *   `CLIP_AUTHOR_GONE_SECONDS`: the take is ended and sent as recorded, so nothing is lost.
 * `absentSince` (clip id → ms) is the caller's memory between checks.
 */
export async function enforceClipLimits(deps: CoreDeps, absentSince: Map<string, number>): Promise<void> {
  const open = await deps.clips.listOpenTakes();
  const seen = new Set(open.map((c) => c.id));
  for (const id of absentSince.keys()) if (!seen.has(id)) absentSince.delete(id);
  for (const clip of open) {
    try {
      await checkTake(deps, clip, absentSince);
    } catch (e) {
      // The author's own click won the race (clip_changed), or the media server is down: next look.
      if (!(e instanceof DomainError)) logger.warn({ clipId: clip.id, err: e }, 'clip limit check failed');
    }
  }
}

async function checkTake(deps: CoreDeps, clip: Clip, absentSince: Map<string, number>): Promise<void> {
  const now = deps.clock.now();
  const room = { name: clip.roomName as string, sid: clip.roomSid as string };
  const present = (await deps.rooms.isOpen(room)) && (await deps.rooms.publishingIdentities(room)).includes(clip.authorIdentity);
  if (present) absentSince.delete(clip.id);
  else if (!absentSince.has(clip.id)) absentSince.set(clip.id, now.getTime());
  const since = absentSince.get(clip.id);

  if (recordedSecondsAt(clip, now) >= deps.config.CLIP_MAX_SECONDS) {
    logger.info({ clipId: clip.id, take: clip.take }, 'clip take reached the length cap');
    // An author already seen gone will not press Send: the take goes out as recorded.
    if (since === undefined) await stopTake(deps, clip, 'cap');
    else await stopAndSend(deps, clip, 'cap', new Date(since));
    absentSince.delete(clip.id);
    return;
  }
  if (since !== undefined && now.getTime() - since >= deps.config.CLIP_AUTHOR_GONE_SECONDS * 1000) {
    logger.info({ clipId: clip.id, take: clip.take }, 'clip author gone: sending what was recorded');
    absentSince.delete(clip.id);
    // What was recorded ends when the author went, not after the wait to be sure they did.
    await stopAndSend(deps, clip, 'author_gone', new Date(since));
  }
}

/**
 * The cap alone, for a back end without a timer of its own (Twilio: a scheduler calls the
 * clip-limits Function): every open take that has recorded `CLIP_MAX_SECONDS` is ended and kept.
 * Authors who left are handled there by the room-ended webhook. Returns the clips it stopped.
 */
export async function enforceClipCaps(deps: CoreDeps): Promise<string[]> {
  const stopped: string[] = [];
  for (const clip of await deps.clips.listOpenTakes()) {
    if (recordedSecondsAt(clip, deps.clock.now()) < deps.config.CLIP_MAX_SECONDS) continue;
    try {
      await stopTake(deps, clip, 'cap');
      stopped.push(clip.id);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e; // the author's Stop won the race
    }
  }
  return stopped;
}

/**
 * The media server ended a clip's room by itself (Twilio's empty-room timeout after the author's
 * tab closed, a lost room). An open take is sent as recorded; any other state needs nothing.
 * Returns null when no clip uses the room (it is a call's).
 */
export async function clipRoomEnded(deps: CoreDeps, room: { roomName: string; roomSid: string }): Promise<Clip | null> {
  const clip = await deps.clips.findByRoomName(room.roomName);
  if (!clip || clip.roomSid !== room.roomSid) return clipOfEarlierTake(deps, room.roomName);
  if (clip.status !== 'recording' && clip.status !== 'paused') return clip;
  return stopAndSend(deps, clip, 'author_gone');
}

/** `clip-<id>-<take>`, as clipRoomName makes it. */
const CLIP_ROOM_NAME = /^clip-(.+)-(\d+)$/;

/**
 * A retaken take's room reports its end (Twilio does, for the room a retake completed) after the
 * next take began, so the clip names another room now. That take was discarded: nothing to do.
 */
async function clipOfEarlierTake(deps: CoreDeps, roomName: string): Promise<Clip | null> {
  const named = CLIP_ROOM_NAME.exec(roomName);
  if (!named) return null;
  const clip = await deps.clips.get(named[1]);
  return clip && Number(named[2]) < clip.take ? clip : null;
}
