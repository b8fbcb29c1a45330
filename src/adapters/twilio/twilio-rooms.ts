import twilio from 'twilio';
import { isHiddenIdentity, type MediaAccess } from '../../domain/escalation';
import type { AccessGrant, CreateRoomOptions, RoomRef, RoomsPort } from '../../ports/rooms';
import { TwilioErrorCode, isNotFound, twilioErrorCode } from './rest-errors';
import type { TwilioClient } from './twilio-client';

const { AccessToken } = twilio.jwt;

export interface TwilioRoomsOptions {
  client: TwilioClient;
  accountSid: string;
  /** Access tokens can only be signed with an API key (not the auth token). */
  apiKeySid: string;
  apiKeySecret: string;
  /** Absolute URL Twilio posts room events to (`…/room-status`): how "room ended" reaches the pipeline. */
  statusCallbackUrl: string;
  /** Minutes an emptied room stays open for a reconnect (Twilio's default is 5). */
  emptyRoomTimeout?: number;
  /** Minutes a room nobody joined stays open (Twilio's default is 5). */
  unusedRoomTimeout?: number;
  /**
   * Longest life of an access token (default 900 s). A Twilio token cannot be revoked, and it is
   * checked only when connecting or reconnecting: a take-over removes the old tab by REST, and a
   * short TTL keeps that tab from reconnecting (and kicking the new one) for long. The join page
   * asks for a fresh token when it rejoins.
   */
  maxTokenTtlSeconds?: number;
  now?: () => Date;
}

/** A take with pauses has a recording per track per run: delete a few at a time, not one by one. */
const DELETES_AT_ONCE = 5;

// twilio-node puts path parameters into the URL as they are; these two would break it.
const usableInPath = (value: string): boolean => !/[/?]/.test(value);

/** RoomsPort on Twilio Video group rooms; access is an AccessToken with a VideoGrant for one room. */
export class TwilioRooms implements RoomsPort {
  private readonly now: () => Date;

  constructor(private readonly options: TwilioRoomsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private get rooms() {
    return this.options.client.video.v1.rooms;
  }

  async createRoom(options: CreateRoomOptions): Promise<RoomRef> {
    try {
      const room = await this.rooms.create({
        uniqueName: options.name,
        type: 'group',
        recordParticipantsOnConnect: options.recording,
        statusCallback: this.options.statusCallbackUrl,
        statusCallbackMethod: 'POST',
        maxParticipants: options.maxParticipants,
        emptyRoomTimeout: options.emptyTimeoutMinutes ?? this.options.emptyRoomTimeout,
        unusedRoomTimeout: this.options.unusedRoomTimeout,
      });
      return { name: room.uniqueName, sid: room.sid };
    } catch (e) {
      if (twilioErrorCode(e) !== TwilioErrorCode.roomExists) throw e;
      // A retried request: names are unique per escalation, so the in-progress room of that name is ours.
      // (Its settings are the first request's; a retry never changes them.)
      const room = await this.rooms(options.name).fetch();
      return { name: room.uniqueName, sid: room.sid };
    }
  }

  async grantAccess(room: RoomRef, grant: AccessGrant): Promise<MediaAccess> {
    const { accountSid, apiKeySid, apiKeySecret } = this.options;
    const ttl = Math.min(grant.ttlSeconds, this.options.maxTokenTtlSeconds ?? 900);
    const token = new AccessToken(accountSid, apiKeySid, apiKeySecret, { identity: grant.identity, ttl });
    token.addGrant(new AccessToken.VideoGrant({ room: room.name }));
    return {
      provider: 'twilio',
      roomName: room.name,
      roomSid: room.sid,
      identity: grant.identity,
      displayName: grant.displayName,
      role: grant.role,
      token: token.toJwt(),
      // Twilio has no publish-less grant: the client connects with no tracks (twilio-video-client.ts).
      ...(grant.receiveOnly ? { receiveOnly: true } : {}),
      expiresAt: new Date(this.now().getTime() + ttl * 1000).toISOString(),
    };
  }

  async connectedIdentities(room: RoomRef): Promise<string[]> {
    try {
      const participants = await this.rooms(room.sid).participants.list({ status: 'connected' });
      return [...new Set(participants.map((p) => p.identity).filter((identity) => !isHiddenIdentity(identity)))];
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  }

  /** Twilio disconnects a participant whose tab closed (after its short reconnection window). */
  async publishingIdentities(room: RoomRef): Promise<string[]> {
    return this.connectedIdentities(room);
  }

  async removeParticipant(room: RoomRef, identity: string): Promise<void> {
    const participants = this.rooms(room.sid).participants;
    try {
      if (usableInPath(identity)) {
        // The participant resource is addressable by identity: one call.
        await participants(identity).update({ status: 'disconnected' });
        return;
      }
      for (const p of await participants.list({ identity, status: 'connected' })) {
        await participants(p.sid).update({ status: 'disconnected' });
      }
    } catch (e) {
      if (!isNotFound(e)) throw e; // absent (or already gone): nothing to do
    }
  }

  async isOpen(room: RoomRef): Promise<boolean> {
    try {
      return (await this.rooms(room.sid).fetch()).status === 'in-progress';
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  /**
   * Rooms that record are created with `RecordParticipantsOnConnect`, which records every track:
   * the recording rules `include all`. Pausing swaps in `exclude all` and resuming puts `include
   * all` back (Recording Rules, POST /v1/Rooms/{RoomSid}/RecordingRules); the tracks stay published.
   */
  async setRecording(room: RoomRef, on: boolean): Promise<void> {
    await this.rooms(room.sid).recordingRules.update({ rules: [{ type: on ? 'include' : 'exclude', all: true }] });
  }

  async discardRecordings(room: RoomRef): Promise<void> {
    let recordings: { sid: string; status: string }[];
    try {
      recordings = await this.rooms(room.sid).recordings.list(); // every page
    } catch (e) {
      if (isNotFound(e)) return; // a room Twilio does not know recorded nothing we can reach
      throw e;
    }
    // Deleted recordings stay listed (status `deleted`, metadata only): nothing left to delete there.
    const live = recordings.filter((r) => r.status !== 'deleted');
    for (let i = 0; i < live.length; i += DELETES_AT_ONCE) {
      await Promise.all(live.slice(i, i + DELETES_AT_ONCE).map((r) => this.deleteRecording(r.sid)));
    }
  }

  /** A recording already gone (404) is what we wanted: a retried discard deletes nothing twice. */
  private async deleteRecording(sid: string): Promise<void> {
    try {
      await this.options.client.video.v1.recordings(sid).remove();
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async endRoom(room: RoomRef): Promise<void> {
    try {
      await this.rooms(room.sid).update({ status: 'completed' });
    } catch (e) {
      if (isNotFound(e)) return;
      const code = twilioErrorCode(e);
      if (code !== TwilioErrorCode.roomStatusInvalid && code !== TwilioErrorCode.roomCompleted) throw e;
      // "Not in-progress": fine if it already ended; anything else is a real error.
      const current = await this.rooms(room.sid).fetch();
      if (current.status !== 'completed' && current.status !== 'failed') throw e;
    }
  }
}
