import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isHiddenIdentity, type MediaAccess } from '../../../domain/escalation';
import { monitorToken } from './janus-monitor-token';
import type { AccessGrant, CreateRoomOptions, RoomRef, RoomsPort } from '../../../ports/rooms';
import type { Db } from '../db';
import { JanusControl, isPluginError } from './janus-control';
import type { JanusCredentials } from './janus-credentials';
import { JanusGrants, type RoomRow } from './janus-grants';
import { signJanusToken } from './janus-token';

export interface JanusRoomsOptions {
  /** Janus's own WebSocket, for the server's control connection only. */
  wsUrl: string;
  /** The WebSocket URL handed to browsers in grants: the stack's filtering proxy (janus-proxy.ts). */
  publicServerUrl: string;
  credentials: JanusCredentials;
  db: Db;
  /** Each recorded room gets `<recordingsDir>/<roomName>/` as its Janus rec_dir. */
  recordingsDir: string;
  now?: () => Date;
}

// Janus VideoRoom error codes we expect in normal operation.
const NO_SUCH_ROOM = 426;
const ROOM_EXISTS = 427;
const NO_SUCH_FEED = 428;

/** Ids stay well inside JavaScript's safe integers (Janus ids are 64-bit). */
const randomId = (): number => randomInt(1, 2 ** 47);
const secretValue = (): string => randomBytes(24).toString('base64url');

/** Room names become folder names: keep them to a safe alphabet. */
export function recordingFolderName(roomName: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(roomName)) throw new Error(`Room name not usable as a folder: ${JSON.stringify(roomName)}`);
  return roomName;
}

/**
 * RoomsPort on Janus VideoRoom. Each room is private, managed with a server-only secret, and
 * joinable only with a token from its `allowed` list; each grant adds one token and pre-assigns
 * the publisher ids (camera, screen) the browser must use, so feeds and recordings map back to
 * identities through our own table rather than anything the browser says.
 */
export class JanusRooms implements RoomsPort {
  private readonly control: JanusControl;
  private readonly grants: JanusGrants;
  private readonly now: () => Date;

  constructor(private readonly options: JanusRoomsOptions) {
    this.control = JanusControl.shared(options.wsUrl, options.credentials.apiSecret);
    this.grants = new JanusGrants(options.db);
    this.now = options.now ?? (() => new Date());
  }

  async createRoom(options: CreateRoomOptions): Promise<RoomRef> {
    const known = this.grants.roomByName(options.name);
    const recDir = options.recording ? resolve(this.options.recordingsDir, recordingFolderName(options.name)) : null;
    const room: RoomRow = known ?? { roomName: options.name, roomId: randomId(), secret: secretValue(), recDir };
    if (room.recDir) mkdirSync(room.recDir, { recursive: true, mode: 0o700 });
    try {
      await this.control.request({
        request: 'create',
        room: room.roomId,
        description: options.name,
        secret: room.secret,
        is_private: true,
        publishers: options.maxParticipants * 2, // camera + screen share per participant
        allowed: [],
        notify_joining: true,
        audiocodec: 'opus',
        videocodec: 'vp8',
        record: room.recDir !== null,
        ...(room.recDir ? { rec_dir: room.recDir } : {}),
        lock_record: true, // only secret holders may start/stop recording or pick file names
        admin_key: this.options.credentials.roomAdminKey,
      });
    } catch (e) {
      // Creating twice (a retried request) finds the room already there: same room, same secret.
      if (!(isPluginError(e) && e._code === ROOM_EXISTS && known)) throw e;
    }
    if (!known) this.grants.saveRoom(room, this.now());
    return { name: room.roomName, sid: String(room.roomId) };
  }

  async grantAccess(ref: RoomRef, grant: AccessGrant): Promise<MediaAccess> {
    const room = this.roomOf(ref);
    if (!room) throw new Error(`Unknown Janus room ${ref.name}`);
    const now = this.now();
    const expiresAt = new Date(now.getTime() + grant.ttlSeconds * 1000).toISOString();
    // A monitor's token says so: the browser proxy refuses to let it publish (janus-proxy-policy.ts).
    const token = grant.receiveOnly ? monitorToken(secretValue()) : secretValue();
    let ids: { camera: number; screen: number };
    for (let tries = 0; ; tries++) {
      ids = { camera: randomId(), screen: randomId() };
      const row = { roomId: room.roomId, identity: grant.identity, role: grant.role, displayName: grant.displayName, cameraId: ids.camera, screenId: ids.screen, token, expiresAt };
      if (ids.camera !== ids.screen && this.grants.tryAddGrant(row, now)) break;
      if (tries > 5) throw new Error('Could not assign publisher ids');
    }
    await this.control.request({ request: 'allowed', room: room.roomId, secret: room.secret, action: 'add', allowed: [token] });
    await this.revokeExpired(room, now);
    return {
      provider: 'janus',
      roomName: room.roomName,
      roomSid: String(room.roomId),
      identity: grant.identity,
      displayName: grant.displayName,
      role: grant.role,
      token,
      serverUrl: this.options.publicServerUrl,
      // Janus's core refuses every request without it; it lapses with the grant.
      serverToken: signJanusToken(this.options.credentials.tokenSecret, new Date(expiresAt)),
      publisherIds: ids,
      ...(grant.receiveOnly ? { receiveOnly: true } : {}),
      expiresAt,
    };
  }

  /** A silent monitor joins (to hear of feeds) without publishing; it is not in the call, so it is left out. */
  async connectedIdentities(ref: RoomRef): Promise<string[]> {
    return (await this.identitiesIn(ref, () => true)).filter((identity) => !isHiddenIdentity(identity));
  }

  /**
   * Janus marks a participant `publisher` while its feed is up. A page that closes leaves the room
   * itself (the recorder leaves on pagehide); a tab that dies without that stays listed until
   * Janus's session reclaim window (30 s) ends.
   */
  async publishingIdentities(ref: RoomRef): Promise<string[]> {
    return this.identitiesIn(ref, (p) => p.publisher === true);
  }

  private async identitiesIn(ref: RoomRef, keep: (p: { id: number; publisher?: boolean }) => boolean): Promise<string[]> {
    const room = this.roomOf(ref);
    if (!room) return [];
    let data: Record<string, unknown>;
    try {
      data = await this.control.request({ request: 'listparticipants', room: room.roomId });
    } catch (e) {
      if (isPluginError(e) && e._code === NO_SUCH_ROOM) return [];
      throw e;
    }
    const participants = (data.participants ?? []) as Array<{ id: number; publisher?: boolean }>;
    const identities = participants
      .filter(keep)
      .map((p) => this.grants.publisher(room.roomId, p.id)?.grant.identity)
      .filter((id): id is string => typeof id === 'string');
    return [...new Set(identities)];
  }

  async removeParticipant(ref: RoomRef, identity: string): Promise<void> {
    const room = this.roomOf(ref);
    if (!room) return;
    const grants = this.grants.grantsOf(room.roomId, identity);
    try {
      // Revoke first, so the removed tab cannot rejoin with its old token.
      if (grants.length) {
        const tokens = grants.map((g) => g.token);
        await this.control.request({ request: 'allowed', room: room.roomId, secret: room.secret, action: 'remove', allowed: tokens });
        this.grants.markRevoked(room.roomId, tokens);
      }
      for (const id of grants.flatMap((g) => [g.cameraId, g.screenId])) {
        await this.control.request({ request: 'kick', room: room.roomId, secret: room.secret, id }).catch((e: unknown) => {
          if (!(isPluginError(e) && e._code === NO_SUCH_FEED)) throw e;
        });
      }
    } catch (e) {
      if (!(isPluginError(e) && e._code === NO_SUCH_ROOM)) throw e;
    }
  }

  async isOpen(ref: RoomRef): Promise<boolean> {
    const room = this.roomOf(ref);
    if (!room) return false;
    // Janus keeps rooms in memory only: after a Janus restart the row is still here, the room is not.
    const data = await this.control.request({ request: 'exists', room: room.roomId });
    return data.exists === true;
  }

  async endRoom(ref: RoomRef): Promise<void> {
    const room = this.roomOf(ref);
    if (!room) return;
    try {
      await this.control.request({ request: 'destroy', room: room.roomId, secret: room.secret });
    } catch (e) {
      if (!(isPluginError(e) && e._code === NO_SUCH_ROOM)) throw e;
    }
  }

  /**
   * Janus `enable_recording` (room secret; the rooms are `lock_record`), for every publisher in the
   * room. Measured on Debian janus 1.1.2, one Chromium publisher (camera + mic, and a screen as a
   * second publisher) publishing throughout (tests/e2e/janus-recording-toggle.test.ts): off closes
   * every track's recorder at once (`.mjr.tmp` renamed to `.mjr`, within ~0.1 s) and nothing is
   * written while off, though the publisher stays in the room; on opens a new set of files, one per
   * track, named with a new µs timestamp (the moment the recorder opened, recording-files.ts). The
   * new files' first packets came 2.94 s after the old ones' last for an off→on of 3.01 s, and the
   * new video decodes from its start (Janus asks the publisher for a keyframe). So a paused take is
   * one run of files per recording stretch; the composer cuts the gaps (clip-timeline.ts). Asking
   * for the state the room is already in changes nothing (Janus compares with the room's flag).
   */
  async setRecording(ref: RoomRef, on: boolean): Promise<void> {
    const room = this.roomOf(ref);
    if (!room) throw new Error(`Unknown Janus room ${ref.name}`);
    if (!room.recDir) throw new Error(`Janus room ${ref.name} was created without recording`);
    await this.control.request({ request: 'enable_recording', room: room.roomId, secret: room.secret, record: on });
  }

  /**
   * Deletes the room's Janus rec folder: its `.mjr` files (closed or still `.mjr.tmp`) and what was
   * derived beside them (live transcripts `*.live.json`, their `.tmp-*` writes, salvaged tracks).
   * The folder is first renamed to a hidden name (never a room name: those start alphanumeric), so
   * a recorder Janus closes meanwhile cannot rename its `.tmp` back into a half-deleted folder.
   * Only folders named exactly as recordingFolderName gives are touched. Meant for an ended room.
   */
  async discardRecordings(ref: RoomRef): Promise<void> {
    const folder = recordingFolderName(ref.name);
    const dirs = new Set([resolve(this.options.recordingsDir, folder)]);
    // The folder recorded at creation (an older recordingsDir setting), if it is that room's.
    const row = this.roomOf(ref);
    if (row?.recDir && row.roomName === ref.name && basename(row.recDir) === folder) dirs.add(resolve(row.recDir));
    for (const dir of dirs) {
      const trash = join(dirname(dir), `.discarded-${folder}-${randomBytes(6).toString('hex')}`);
      try {
        await rename(dir, trash);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // nothing recorded, or already discarded
        throw e;
      }
      await rm(trash, { recursive: true, force: true, maxRetries: 3 });
    }
  }

  /** Closes the (process-wide) Janus control session; the next call on any adapter reconnects. */
  close(): Promise<void> {
    return this.control.close();
  }

  /** Janus tokens never expire by themselves: take expired grants off the allowed list. */
  private async revokeExpired(room: RoomRow, now: Date): Promise<void> {
    const expired = this.grants.expiredTokens(room.roomId, now);
    if (!expired.length) return;
    await this.control.request({ request: 'allowed', room: room.roomId, secret: room.secret, action: 'remove', allowed: expired });
    this.grants.markRevoked(room.roomId, expired);
  }

  private roomOf(ref: RoomRef): RoomRow | null {
    const byId = /^\d+$/.test(ref.sid) ? this.grants.roomById(Number(ref.sid)) : null;
    return byId ?? this.grants.roomByName(ref.name);
  }
}

