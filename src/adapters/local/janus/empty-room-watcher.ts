import type { CoreDeps } from '../../../core/deps';
import { roomCompleted } from '../../../core/end-call';
import { roleOfIdentity } from '../../../domain/escalation';
import type { RoomRef } from '../../../ports/rooms';

export interface EmptyRoomWatcherOptions {
  /** A call's room with no agent or supervisor in it for this long is ended (config ROOM_EMPTY_TIMEOUT_SECONDS). */
  timeoutMs: number;
  /** How often rooms are looked at; default a third of the timeout, between 0.5 and 5 s. */
  intervalMs?: number;
  /** Milliseconds now (tests pass a fake clock). */
  now?: () => number;
  onError?: (err: unknown, room: RoomRef) => void;
}

const STAFF_ROLES: ReadonlySet<string> = new Set(['agent', 'supervisor']);

const key = (room: RoomRef): string => `${room.name}\n${room.sid}`;

/**
 * Ends the calls nobody ends by hand: the agent closed the tab, everyone left, nobody ever
 * joined. Every active escalation's room is asked who is in it (Janus `listparticipants` over the
 * server's control connection, through RoomsPort.connectedIdentities); a room found with no agent
 * or supervisor in it (empty, or a customer waiting alone) on every look for `timeoutMs` is ended in Janus and completed through the core's roomCompleted, so
 * the call is marked ended, "call ended" is posted and the recording enters the pipeline.
 *
 * Why polling rather than Janus's event handlers (sampleevh/wsevh ship with Debian's janus): the
 * timeout needs a timer anyway, and the room's participant list is the truth even when events
 * were missed (a restart of this process or of Janus), at the cost of one request per active
 * call per interval on a connection that is already open.
 */
export class EmptyRoomWatcher {
  /** When each watched room was first seen empty. */
  private readonly emptySince = new Map<string, number>();
  private readonly now: () => number;
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: CoreDeps,
    private readonly options: EmptyRoomWatcherOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? Math.min(5000, Math.max(500, Math.round(options.timeoutMs / 3)));
  }

  /** Looks at every active call's room once; returns the rooms it ended. */
  async tick(): Promise<RoomRef[]> {
    const active = await this.deps.escalations.listActive();
    const watched = new Set<string>();
    const ended: RoomRef[] = [];
    for (const escalation of active) {
      const room = { name: escalation.roomName, sid: escalation.roomSid };
      watched.add(key(room));
      try {
        if (await this.endIfEmptyTooLong(room)) ended.push(room);
      } catch (err) {
        this.options.onError?.(err, room);
      }
    }
    // Calls ended some other way are no longer watched.
    for (const k of this.emptySince.keys()) if (!watched.has(k)) this.emptySince.delete(k);
    return ended;
  }

  start(): void {
    const loop = (): void => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((err: unknown) => this.options.onError?.(err, { name: '*', sid: '*' }))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(loop, this.intervalMs);
        });
    };
    this.timer = setTimeout(loop, this.intervalMs);
  }

  /** Stops looking; waits for a look in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async endIfEmptyTooLong(room: RoomRef): Promise<boolean> {
    const present = await this.deps.rooms.connectedIdentities(room);
    const k = key(room);
    // A customer left waiting alone does not keep the call open: the agent's side decides.
    if (present.some((identity) => STAFF_ROLES.has(roleOfIdentity(identity)))) {
      this.emptySince.delete(k);
      return false;
    }
    const now = this.now();
    const since = this.emptySince.get(k) ?? now;
    this.emptySince.set(k, since);
    if (now - since < this.options.timeoutMs) return false;
    await this.deps.rooms.endRoom(room);
    await roomCompleted(this.deps, { roomName: room.name, roomSid: room.sid });
    this.emptySince.delete(k);
    return true;
  }
}
