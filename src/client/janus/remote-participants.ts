import type { RemoteParticipant, RemoteTrack, TrackSource } from '../video-client';
import { decodeDisplay, type FeedDisplay } from './participant-display';

export class RemoteParticipantState implements RemoteParticipant {
  readonly tracks: RemoteTrack[] = [];
  readonly feeds = new Set<number>();
  constructor(
    readonly identity: string,
    readonly displayName: string,
    readonly role: RemoteParticipant['role'],
  ) {}
}

export interface RosterListener {
  participantConnected(p: RemoteParticipantState): void;
  participantDisconnected(p: RemoteParticipantState): void;
  trackSubscribed(t: RemoteTrack, p: RemoteParticipantState): void;
  trackUnsubscribed(t: RemoteTrack, p: RemoteParticipantState): void;
}

/**
 * Who is in the room, built from VideoRoom feeds: a participant is the set of feeds (camera,
 * screen) whose `display` carries the same identity; tracks are keyed by the subscription mid.
 */
export class Roster {
  readonly participants = new Map<string, RemoteParticipantState>();
  private readonly feeds = new Map<number, FeedDisplay>();
  private readonly tracksByMid = new Map<string, { track: RemoteTrack; feedId: number }>();

  constructor(private readonly listener: RosterListener) {}

  feedIds(): number[] {
    return [...this.feeds.keys()];
  }

  hasFeed(feedId: number): boolean {
    return this.feeds.has(feedId);
  }

  /** A feed was published; returns true if it is new. */
  addFeed(feedId: number, display: unknown): boolean {
    if (this.feeds.has(feedId)) return false;
    const d = decodeDisplay(display, feedId);
    this.feeds.set(feedId, d);
    let p = this.participants.get(d.identity);
    const fresh = !p;
    if (!p) this.participants.set(d.identity, (p = new RemoteParticipantState(d.identity, d.displayName, d.role)));
    p.feeds.add(feedId);
    if (fresh) this.listener.participantConnected(p);
    return true;
  }

  removeFeed(feedId: number): void {
    const d = this.feeds.get(feedId);
    if (!d) return;
    for (const [mid, entry] of this.tracksByMid) if (entry.feedId === feedId) this.removeTrack(mid);
    this.feeds.delete(feedId);
    const p = this.participants.get(d.identity);
    if (!p) return;
    p.feeds.delete(feedId);
    if (p.feeds.size === 0) {
      this.participants.delete(d.identity);
      this.listener.participantDisconnected(p);
    }
  }

  addTrack(mid: string, feedId: number, track: MediaStreamTrack): void {
    const d = this.feeds.get(feedId);
    const p = d && this.participants.get(d.identity);
    if (!d || !p) return;
    if (this.tracksByMid.has(mid)) this.removeTrack(mid);
    const kind = track.kind === 'audio' ? 'audio' : 'video';
    const source: TrackSource = d.source === 'screen' ? 'screen' : kind === 'audio' ? 'microphone' : 'camera';
    const remote: RemoteTrack = { sid: `${d.identity}:${source}`, kind, source, mediaStreamTrack: track };
    this.tracksByMid.set(mid, { track: remote, feedId });
    p.tracks.push(remote);
    this.listener.trackSubscribed(remote, p);
  }

  /** Drops tracks whose mid no longer carries an active stream of the same feed. */
  syncMids(active: Map<string, number>): void {
    for (const [mid, entry] of this.tracksByMid) if (active.get(mid) !== entry.feedId) this.removeTrack(mid);
  }

  clear(): void {
    for (const feedId of [...this.feeds.keys()]) this.removeFeed(feedId);
  }

  private removeTrack(mid: string): void {
    const entry = this.tracksByMid.get(mid);
    if (!entry) return;
    this.tracksByMid.delete(mid);
    const d = this.feeds.get(entry.feedId);
    const p = d && this.participants.get(d.identity);
    if (!p) return;
    const i = p.tracks.indexOf(entry.track);
    if (i >= 0) p.tracks.splice(i, 1);
    this.listener.trackUnsubscribed(entry.track, p);
  }
}
