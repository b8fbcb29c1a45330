import type { DisconnectReason, NetworkQualityLevel, RemoteParticipant, RoomEvents, RoomState, VideoRoom } from '../video-client';
import { Emitter } from '../emitter';
import type { TwilioLocalParticipantView } from './local-participant';
import { TwilioRoster, type Labeller } from './remote-participants';
import { disconnectReason } from './twilio-errors';
import type { AnyListener, TwilioEmitter, TwilioErrorLike, TwilioRemoteParticipant, TwilioRemoteTrack, TwilioRemoteTrackPublication, TwilioRoom } from './twilio-video-api';

/**
 * The interface's events plus one this client adds (not in video-client.ts, so optional for the
 * UI): who is talking now, from twilio-video's dominant speaker detection (null: nobody).
 */
export interface TwilioRoomEvents extends RoomEvents {
  dominantSpeakerChanged: (participant: RemoteParticipant | null) => void;
}

/** twilio-video's 0–5 network quality level (5 = excellent) on the interface's scale: the same scale. */
export function toQualityLevel(level: unknown): NetworkQualityLevel | null {
  if (typeof level !== 'number' || !Number.isFinite(level)) return null;
  return Math.min(5, Math.max(0, Math.round(level))) as NetworkQualityLevel;
}

/** A connected twilio-video Room behind the provider-neutral VideoRoom interface. */
export class TwilioVideoRoom implements VideoRoom {
  readonly name: string;
  private roomState: RoomState = 'connected';
  private readonly events = new Emitter<TwilioRoomEvents>();
  private readonly roster: TwilioRoster;
  private readonly detach: Array<() => void> = [];
  private leaving = false;
  private quality: NetworkQualityLevel | null = null;
  private speaker: RemoteParticipant | null = null;

  constructor(
    private readonly room: TwilioRoom,
    readonly localParticipant: TwilioLocalParticipantView,
    label: Labeller,
  ) {
    this.name = room.name;
    this.roster = new TwilioRoster(label, {
      participantConnected: (p) => this.events.emit('participantConnected', p),
      participantDisconnected: (p) => this.events.emit('participantDisconnected', p),
      trackSubscribed: (t, p) => this.events.emit('trackSubscribed', t, p),
      trackUnsubscribed: (t, p) => this.events.emit('trackUnsubscribed', t, p),
    });
    // Participants already there are in `participants` from the start (no event, as with Janus).
    for (const p of room.participants.values()) this.roster.add(p, false);
    this.listen();
    // What was already known when connect() resolved (tracks subscribed, quality, speaker) is
    // announced on the next turn, once the caller has had the chance to listen: trackSubscribed
    // then covers every track, as with the Janus client.
    setTimeout(() => this.announceInitialState(), 0);
  }

  get state(): RoomState {
    return this.roomState;
  }

  get participants(): ReadonlyMap<string, RemoteParticipant> {
    return this.roster.participants;
  }

  /** Who is talking now (twilio-video dominant speaker), or null. */
  get dominantSpeaker(): RemoteParticipant | null {
    return this.speaker;
  }

  /** The last local network quality level twilio-video reported (null before the first). */
  get networkQualityLevel(): NetworkQualityLevel | null {
    return this.quality;
  }

  /** The provider's room sid (RM…). */
  get sid(): string {
    return this.room.sid;
  }

  on<E extends keyof TwilioRoomEvents>(event: E, listener: TwilioRoomEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  /** The local participant changed (mute, camera, screen share): the UI re-renders its controls. */
  emitLocalChanged(): void {
    this.events.emit('localChanged');
  }

  disconnect(): void {
    if (this.roomState === 'disconnected') return;
    this.leaving = true;
    try {
      this.room.disconnect(); // twilio-video emits `disconnected` (no error) → end('left')
    } finally {
      this.end('left');
    }
  }

  private listen(): void {
    const room = this.room;
    this.subscribe(room, 'participantConnected', (p: TwilioRemoteParticipant) => {
      if (this.roomState !== 'disconnected') this.roster.add(p);
    });
    this.subscribe(room, 'participantDisconnected', (p: TwilioRemoteParticipant) => {
      const view = this.roster.find(p);
      this.roster.remove(p);
      if (view && view === this.speaker) this.setSpeaker(null);
    });
    this.subscribe(room, 'trackSubscribed', (track: TwilioRemoteTrack, _pub: TwilioRemoteTrackPublication, p: TwilioRemoteParticipant) => {
      if (this.roomState !== 'disconnected') this.roster.addTrack(p, track);
    });
    this.subscribe(room, 'trackUnsubscribed', (track: TwilioRemoteTrack, _pub: TwilioRemoteTrackPublication, p: TwilioRemoteParticipant) => {
      this.roster.unsubscribed(p, track);
    });
    this.subscribe(room, 'reconnecting', () => {
      if (this.roomState !== 'connected') return;
      this.roomState = 'reconnecting';
      this.events.emit('reconnecting');
      this.setQuality(0); // as the Janus client: nothing gets through while reconnecting
    });
    this.subscribe(room, 'reconnected', () => {
      if (this.roomState !== 'reconnecting') return;
      this.roomState = 'connected';
      this.events.emit('reconnected');
      const level = toQualityLevel(room.localParticipant.networkQualityLevel);
      if (level !== null) this.setQuality(level);
    });
    this.subscribe(room, 'disconnected', (_room: TwilioRoom, error?: TwilioErrorLike) => {
      this.end(disconnectReason(error, this.leaving));
    });
    this.subscribe(room, 'dominantSpeakerChanged', (p: TwilioRemoteParticipant | null) => {
      this.setSpeaker(this.roster.find(p));
    });
    this.subscribe(room.localParticipant, 'networkQualityLevelChanged', (level: number | null) => {
      const mapped = toQualityLevel(level);
      if (mapped !== null && this.roomState === 'connected') this.setQuality(mapped);
    });
  }

  private subscribe(target: TwilioEmitter, event: string, listener: AnyListener): void {
    target.on(event, listener);
    this.detach.push(() => target.removeListener(event, listener));
  }

  private announceInitialState(): void {
    if (this.roomState === 'disconnected') return;
    for (const p of this.room.participants.values()) {
      for (const publication of p.tracks.values()) {
        if (publication.track) this.roster.addTrack(p, publication.track);
      }
    }
    const level = toQualityLevel(this.room.localParticipant.networkQualityLevel);
    if (level !== null && this.quality === null && this.roomState === 'connected') this.setQuality(level);
    if (this.speaker === null) this.setSpeaker(this.roster.find(this.room.dominantSpeaker));
  }

  private setQuality(level: NetworkQualityLevel): void {
    if (level === this.quality) return;
    this.quality = level;
    this.events.emit('networkQualityLevelChanged', level);
  }

  private setSpeaker(p: RemoteParticipant | null): void {
    if (p === this.speaker) return;
    this.speaker = p;
    this.events.emit('dominantSpeakerChanged', p);
  }

  private end(reason: DisconnectReason): void {
    if (this.roomState === 'disconnected') return;
    this.roomState = 'disconnected';
    for (const off of this.detach.splice(0)) off();
    this.localParticipant.release();
    this.speaker = null;
    this.roster.clear();
    this.events.emit('disconnected', reason);
  }
}
