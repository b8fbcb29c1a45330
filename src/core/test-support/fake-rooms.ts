import type { MediaAccess } from '../../domain/escalation';
import type { AccessGrant, CreateRoomOptions, RoomRef, RoomsPort } from '../../ports/rooms';

/** In-memory rooms for use-case tests: records what the core asked of the media provider. */
export class FakeRooms implements RoomsPort {
  readonly created: CreateRoomOptions[] = [];
  readonly ended: string[] = [];
  readonly removed: string[] = [];
  readonly connected = new Map<string, Set<string>>();

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
      expiresAt: new Date(Date.now() + grant.ttlSeconds * 1000).toISOString(),
    };
  }

  async connectedIdentities(room: RoomRef): Promise<string[]> {
    return [...(this.connected.get(room.name) ?? [])];
  }

  async removeParticipant(room: RoomRef, identity: string): Promise<void> {
    this.removed.push(identity);
    this.connected.get(room.name)?.delete(identity);
  }

  async endRoom(room: RoomRef): Promise<void> {
    this.ended.push(room.name);
  }

  connect(roomName: string, identity: string): void {
    this.connected.set(roomName, new Set([...(this.connected.get(roomName) ?? []), identity]));
  }
}
