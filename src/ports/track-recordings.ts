import type { ParticipantRole } from '../domain/escalation';
import type { TrackKind, TrackSource } from '../domain/media';
import type { RoomRef } from './rooms';

/** One recorded track of one participant, as the media server left it. */
export interface TrackRecording {
  participantIdentity: string;
  role: ParticipantRole | 'unknown';
  kind: TrackKind;
  source: TrackSource;
  /** Absolute path of the raw recording (Janus: a `.mjr` file). */
  path: string;
  format: 'mjr';
}

/** Lists what a room recorded once it has ended. Local: Janus rec_dir. (Twilio uses Recordings + Compositions instead.) */
export interface TrackRecordingsPort {
  list(room: RoomRef): Promise<TrackRecording[]>;
}
