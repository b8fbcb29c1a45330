import { isHiddenIdentity, type MediaAccess } from '../../domain/escalation';
import type { AccessGrant, CreateRoomOptions, RoomRef, RoomsPort } from '../../ports/rooms';

/** In-memory rooms for use-case tests: records what the core asked of the media provider. */
export class FakeRooms implements RoomsPort {
  readonly created: CreateRoomOptions[] = [];
  readonly ended: string[] = [];
  readonly removed: string[] = [];
  /** Every recording switch asked, in order: `<room>:on` / `<room>:off`. */
  readonly recordingSwitches: string[] = [];
  readonly discarded: string[] = [];
  readonly connected = new Map<string, Set<string>>();
  private readonly lost = new Set<string>();

  async createRoom(options: CreateRoomOptions): Promise<RoomRef> {
    this.created.push(options);
    return { name: options.name, sid: `room-${this.created.length}` };
  }

  async grantAccess(room: RoomRef, grant: AccessGrant): Promise<MediaAccess> {
    return {
      provider: 'janus',
      roomName: room.name,
      roomSid: room.sid,
      identity: grant.identity,
      displayName: grant.displayName,
      role: grant.role,
      token: `token-for-${grant.identity}`,
      ...(grant.receiveOnly ? { receiveOnly: true } : {}),
      expiresAt: new Date(Date.now() + grant.ttlSeconds * 1000).toISOString(),
    };
  }

  async connectedIdentities(room: RoomRef): Promise<string[]> {
    return [...(this.connected.get(room.name) ?? [])].filter((identity) => !isHiddenIdentity(identity));
  }

  async publishingIdentities(room: RoomRef): Promise<string[]> {
    return this.connectedIdentities(room);
  }

  async removeParticipant(room: RoomRef, identity: string): Promise<void> {
    this.removed.push(identity);
    this.connected.get(room.name)?.delete(identity);
  }

  async endRoom(room: RoomRef): Promise<void> {
    this.ended.push(room.name);
  }

  async setRecording(room: RoomRef, on: boolean): Promise<void> {
    this.recordingSwitches.push(`${room.name}:${on ? 'on' : 'off'}`);
  }

  async discardRecordings(room: RoomRef): Promise<void> {
    this.discarded.push(room.name);
  }

  async isOpen(room: RoomRef): Promise<boolean> {
    return this.created.some((c) => c.name === room.name) && !this.ended.includes(room.name) && !this.lost.has(room.name);
  }

  /** The media server forgot the room (a crash and restart): it is no longer open, though nobody ended it. */
  lose(roomName: string): void {
    this.lost.add(roomName);
  }

  connect(roomName: string, identity: string): void {
    this.connected.set(roomName, new Set([...(this.connected.get(roomName) ?? []), identity]));
  }
}
