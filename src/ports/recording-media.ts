import type { TrackKind, TrackSource } from '../client/video-client';
import type { ParticipantRole } from '../domain/escalation';
import type { RoomRef } from './rooms';

/** One track as an ordinary media file (webm/opus/wav…), placed on the call's timeline. */
export interface ParticipantMedia {
  participantIdentity: string;
  role: ParticipantRole | 'unknown';
  kind: TrackKind;
  source: TrackSource;
  path: string;
  /** Seconds from the call's first recorded packet to this track's first packet. */
  startOffsetSeconds: number;
}

/**
 * Turns a room's raw recordings into playable, aligned files. Local: Janus `.mjr` via janus-pp-rec.
 * Idempotent: preparing the same room again yields the same files.
 */
export interface RecordingMediaSource {
  prepare(room: RoomRef, recordingId: string): Promise<ParticipantMedia[]>;
}
