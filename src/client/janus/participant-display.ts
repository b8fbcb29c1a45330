import type { ParticipantRole } from '../../domain/escalation';

/** Which of a participant's two publishers a feed is. */
export type FeedSource = 'camera' | 'screen';

/**
 * What every publisher puts in its Janus `display` field, as JSON, so the other side can label
 * people and tell a screen-share feed from a camera feed. Short keys: it travels in every event.
 */
export interface FeedDisplay {
  identity: string;
  displayName: string;
  role: ParticipantRole | 'unknown';
  source: FeedSource;
}

export function encodeDisplay(d: FeedDisplay): string {
  return JSON.stringify({ i: d.identity, n: d.displayName, r: d.role, s: d.source });
}

const ROLES = new Set(['agent', 'customer', 'supervisor']);

/** Never throws: a foreign or malformed display still yields a labelled, unknown-role camera feed. */
export function decodeDisplay(display: unknown, feedId: number): FeedDisplay {
  try {
    const raw = JSON.parse(String(display)) as { i?: unknown; n?: unknown; r?: unknown; s?: unknown };
    if (typeof raw.i === 'string' && raw.i) {
      return {
        identity: raw.i,
        displayName: typeof raw.n === 'string' ? raw.n : raw.i,
        role: typeof raw.r === 'string' && ROLES.has(raw.r) ? (raw.r as ParticipantRole) : 'unknown',
        source: raw.s === 'screen' ? 'screen' : 'camera',
      };
    }
  } catch {
    // not ours: fall through
  }
  const name = typeof display === 'string' && display ? display : `Participant ${feedId}`;
  return { identity: `feed:${feedId}`, displayName: name, role: 'unknown', source: 'camera' };
}
