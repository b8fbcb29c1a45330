import type { RemoteParticipant, RemoteTrack } from '../video-client';
import { sourceOfTrack } from './track-source';
import type { TwilioRemoteParticipant, TwilioRemoteTrack } from './twilio-video-api';

export class TwilioRemoteParticipantView implements RemoteParticipant {
  readonly tracks: RemoteTrack[] = [];
  /** Keyed by twilio-video's track sid (MT…): two tracks may share our `identity:source` sid. */
  readonly byTwilioSid = new Map<string, RemoteTrack>();
  constructor(
    readonly sid: string,
    readonly identity: string,
    readonly displayName: string,
    readonly role: RemoteParticipant['role'],
  ) {}
}

export interface RosterListener {
  participantConnected(p: TwilioRemoteParticipantView): void;
  participantDisconnected(p: TwilioRemoteParticipantView): void;
  trackSubscribed(t: RemoteTrack, p: TwilioRemoteParticipantView): void;
  trackUnsubscribed(t: RemoteTrack, p: TwilioRemoteParticipantView): void;
}

export type Labeller = (identity: string) => Pick<RemoteParticipant, 'displayName' | 'role'>;

/**
 * Who is in the room, in the interface's terms. Twilio keys participants by sid; the interface
 * keys them by identity. When the same identity rejoins (a takeover) the new participant may
 * arrive before the old one leaves: the identity then points at the newest, and the old one's
 * departure does not remove it.
 */
export class TwilioRoster {
  readonly participants = new Map<string, TwilioRemoteParticipantView>();
  private readonly bySid = new Map<string, TwilioRemoteParticipantView>();

  constructor(
    private readonly label: Labeller,
    private readonly listener: RosterListener,
  ) {}

  /** Returns the view, announcing the participant the first time it is seen. */
  add(p: TwilioRemoteParticipant, announce = true): TwilioRemoteParticipantView {
    const known = this.bySid.get(p.sid);
    if (known) return known;
    const { displayName, role } = this.label(p.identity);
    const view = new TwilioRemoteParticipantView(p.sid, p.identity, displayName, role);
    this.bySid.set(p.sid, view);
    this.participants.set(p.identity, view);
    if (announce) this.listener.participantConnected(view);
    return view;
  }

  remove(p: Pick<TwilioRemoteParticipant, 'sid'>): void {
    const view = this.bySid.get(p.sid);
    if (!view) return;
    for (const sid of [...view.byTwilioSid.keys()]) this.removeTrack(view, sid);
    this.bySid.delete(p.sid);
    if (this.participants.get(view.identity) === view) this.participants.delete(view.identity);
    this.listener.participantDisconnected(view);
  }

  /** A subscribed twilio track; data tracks and tracks without media are ignored. */
  addTrack(p: TwilioRemoteParticipant, track: TwilioRemoteTrack): void {
    const mapped = sourceOfTrack(track.name, track.kind);
    if (!mapped || !track.mediaStreamTrack) return;
    const view = this.add(p);
    if (view.byTwilioSid.has(track.sid)) return;
    const remote: RemoteTrack = { sid: `${view.identity}:${mapped.source}`, ...mapped, mediaStreamTrack: track.mediaStreamTrack };
    view.byTwilioSid.set(track.sid, remote);
    view.tracks.push(remote);
    this.listener.trackSubscribed(remote, view);
  }

  unsubscribed(p: Pick<TwilioRemoteParticipant, 'sid'>, track: Pick<TwilioRemoteTrack, 'sid'>): void {
    const view = this.bySid.get(p.sid);
    if (view) this.removeTrack(view, track.sid);
  }

  find(p: Pick<TwilioRemoteParticipant, 'sid'> | null | undefined): TwilioRemoteParticipantView | null {
    return (p && this.bySid.get(p.sid)) ?? null;
  }

  clear(): void {
    for (const sid of [...this.bySid.keys()]) this.remove({ sid });
  }

  private removeTrack(view: TwilioRemoteParticipantView, twilioSid: string): void {
    const remote = view.byTwilioSid.get(twilioSid);
    if (!remote) return;
    view.byTwilioSid.delete(twilioSid);
    const i = view.tracks.indexOf(remote);
    if (i >= 0) view.tracks.splice(i, 1);
    this.listener.trackUnsubscribed(remote, view);
  }
}
