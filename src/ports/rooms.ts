import type { MediaAccess, ParticipantRole } from '../domain/escalation';

/** A room as the provider knows it. */
export interface RoomRef {
  name: string;
  sid: string;
}

export interface CreateRoomOptions {
  name: string;
  /** Record every participant's tracks (Twilio recording rules / Janus `record`). */
  recording: boolean;
  maxParticipants: number;
  /**
   * Minutes an emptied room stays open before the provider ends it itself, where the provider
   * does that (Twilio); absent: the adapter's default for calls. A clip's room wants it short:
   * its author leaving (a closed tab) is the end of the take.
   */
  emptyTimeoutMinutes?: number;
}

export interface AccessGrant {
  identity: string;
  displayName: string;
  role: ParticipantRole;
  ttlSeconds: number;
  /** Subscribe only, never publish (a silent monitor): the adapter makes the grant unable to publish where it can. */
  receiveOnly?: boolean;
}

/**
 * Rooms and access to them. Twilio: Video group rooms + AccessToken/VideoGrant.
 * Local: Janus VideoRoom rooms whose allowed-token list plays the part of access tokens.
 */
export interface RoomsPort {
  createRoom(options: CreateRoomOptions): Promise<RoomRef>;
  grantAccess(room: RoomRef, grant: AccessGrant): Promise<MediaAccess>;
  /** Identities of participants connected now; hidden silent monitors (isHiddenIdentity) are never listed: they are not in the call. */
  connectedIdentities(room: RoomRef): Promise<string[]>;
  /**
   * Identities sending media now: a clip's author who left (their page closed) is no longer
   * among them, even while the media server keeps their session for a reconnect.
   */
  publishingIdentities(room: RoomRef): Promise<string[]>;
  /** Disconnect one participant (a second tab taking over the same link). No-op if absent. */
  removeParticipant(room: RoomRef, identity: string): Promise<void>;
  /** Whether the room is still open on the media server (false when it ended, timed out or was lost in a restart). */
  isOpen(room: RoomRef): Promise<boolean>;
  /** Ends the room for everyone and stops recording. Idempotent: ending an ended room is a no-op. */
  endRoom(room: RoomRef): Promise<void>;
  /**
   * Starts or stops recording the room's tracks while it stays open (a clip's pause and resume).
   * Twilio: the room's recording rules (exclude all / include all). Janus: `enable_recording`.
   * Participants keep publishing; only what is recorded changes.
   */
  setRecording(room: RoomRef, on: boolean): Promise<void>;
  /**
   * Deletes everything an ended room recorded (a clip take the author retook or discarded), so no
   * orphan media stays behind. Idempotent. Twilio: DELETE of the room's recordings. Janus: its files.
   */
  discardRecordings(room: RoomRef): Promise<void>;
}
