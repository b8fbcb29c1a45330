/**
 * What one viewer has seen of one clip: the first time they opened it, the furthest point they
 * reached, and whether they watched it through. Kept per clip and viewer for the analytics to
 * come; the customer's view also rides on the clip message, so the agent who sent it sees it.
 * `ended`: the player played to the end. That is the whole clip, whatever the last position read:
 * a player's own length can fall a little short of the composition's (a watched clip read 99 %).
 */
export type ClipViewEvent = 'opened' | 'progress' | 'ended';

/** Watched through: at least this share of the clip's length was reached. */
export const CLIP_COMPLETED_SHARE = 0.9;

/** The viewer key of the customer (a conversation has one); staff are keyed by their identity. */
export const CUSTOMER_VIEWER = 'customer';

export interface ClipViewRecord {
  clipId: string;
  /** `customer`, or a staff identity. */
  viewer: string;
  recordingId: string;
  conversationId: string;
  openedAt: string;
  /** Seconds from the start; only ever grows. */
  furthestSeconds: number;
  completed: boolean;
  completedAt?: string;
  lastEventAt: string;
}

/** What the clip message carries of a view (the card renders it). */
export interface ClipViewSummary {
  furthestSeconds: number;
  completed: boolean;
}

/**
 * The view after one more event: the furthest point only grows, completion is set once and stays.
 * The position is clamped to the clip's length (a player can report a little past the end); an
 * ended clip was reached to its full length and is watched through.
 */
export function advanceClipView(
  previous: ClipViewRecord | null,
  event: { clipId: string; viewer: string; recordingId: string; conversationId: string; positionSeconds: number; ended?: boolean },
  durationSeconds: number,
  now: Date,
): ClipViewRecord {
  const at = now.toISOString();
  const played = event.ended && durationSeconds > 0 ? durationSeconds : event.positionSeconds;
  const position = Math.max(0, durationSeconds > 0 ? Math.min(played, durationSeconds) : played);
  const furthestSeconds = Math.max(previous?.furthestSeconds ?? 0, Math.round(position * 10) / 10);
  const reached = event.ended === true || (durationSeconds > 0 && furthestSeconds >= CLIP_COMPLETED_SHARE * durationSeconds);
  const completed = (previous?.completed ?? false) || reached;
  return {
    clipId: event.clipId,
    viewer: event.viewer,
    recordingId: event.recordingId,
    conversationId: event.conversationId,
    openedAt: previous?.openedAt ?? at,
    furthestSeconds,
    completed,
    ...(completed ? { completedAt: previous?.completedAt ?? at } : {}),
    lastEventAt: at,
  };
}

/** Does `next` tell anything `previous` did not (the furthest point or completion moved)? */
export const clipViewMoved = (previous: ClipViewRecord | null, next: ClipViewRecord): boolean =>
  !previous || next.furthestSeconds > previous.furthestSeconds || (next.completed && !previous.completed);
