import type { VideoClient, VideoRoom } from '../../client/video-client';
import type { MediaAccess } from '../../domain/escalation';
import type { EscalateResponse } from '../../api/contract';
import type { EscalationApi, VideoInvitation } from '../api/escalation-api';
import { browserMedia, openLocalTracks, stopTracks, type LocalTracks, type MediaDeps } from '../media/devices';
import { textFor, type ProblemTexts } from '../problem-codes';

export interface AgentCallState {
  room: VideoRoom | null;
  conversationId: string | null;
  /** What is happening before there is a room, e.g. "Connecting…". */
  status: string | undefined;
  endedForEveryone: boolean;
  /** What the last escalation answered (the link sent, whether the room records). */
  escalation: EscalateResponse | null;
  /** When this browser joined and when the call ended (ms since epoch), for its length. */
  connectedAt: number | null;
  endedAt: number | null;
}

export const NO_CALL: AgentCallState = {
  room: null,
  conversationId: null,
  status: undefined,
  endedForEveryone: false,
  escalation: null,
  connectedAt: null,
  endedAt: null,
};

const problemText: ProblemTexts<string> = {
  permission_denied: 'Camera and microphone are blocked for this page. Allow them in the address bar and try again.',
  no_devices: 'No camera or microphone was found.',
  device_in_use: 'The camera or microphone is in use by another app.',
  unsupported_browser: 'This browser cannot make video calls.',
};

/** How long after End the call waits for the media server to close the room before leaving itself. */
const ROOM_CLOSE_GRACE_MS = 2000;

/**
 * The agent's side of one call, outside React so it outlives the component showing it (in Flex
 * the agent switches tabs mid-call): escalate, open camera and mic, connect; End ends it for
 * everyone, then leaves if the media server has not already closed the room. Once the call has
 * ended for everyone it clears itself: the chat says so and the recording's progress takes over.
 */
export class AgentCall {
  private current: AgentCallState = NO_CALL;
  private readonly listeners = new Set<() => void>();
  private tracks: LocalTracks | null = null;

  constructor(
    private readonly api: EscalationApi,
    private readonly clientFor: (a: MediaAccess) => VideoClient,
    private readonly media: MediaDeps = browserMedia,
  ) {}

  get state(): AgentCallState {
    return this.current;
  }

  /** In a call (connecting, connected or reconnecting) from this browser. */
  get connected(): boolean {
    return !!this.current.room && this.current.room.state !== 'disconnected';
  }

  /** How long this browser was in the call, in seconds (so far, if it still is); null if it never joined. */
  durationSeconds(now = Date.now()): number | null {
    const { connectedAt, endedAt } = this.current;
    return connectedAt === null ? null : Math.max(0, ((endedAt ?? now) - connectedAt) / 1000);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Posts the customer's link (or reopens the open call) and joins it. */
  async escalate(conversationId: string, invitation?: VideoInvitation): Promise<EscalateResponse> {
    this.current.room?.disconnect();
    this.set({ conversationId, endedForEveryone: false, room: null, status: 'Starting the video call…', connectedAt: null, endedAt: null });
    try {
      const res = await this.api.escalate(conversationId, invitation);
      this.set({ escalation: res, status: 'Opening camera and microphone…' });
      this.release();
      this.tracks = await openLocalTracks(this.media).catch((e: { code?: string }) => {
        throw new Error(textFor(problemText, e.code ?? '') ?? 'Could not open camera or microphone.');
      });
      this.set({ status: 'Connecting…' });
      const room = await this.clientFor(res.access).connect(res.access, { audio: this.tracks.audio, video: this.tracks.video });
      room.on('disconnected', () => {
        this.release();
        this.emit();
      });
      this.set({ room, status: undefined, connectedAt: Date.now() });
      return res;
    } catch (e) {
      this.set({ status: undefined, conversationId: null });
      this.release();
      throw e;
    }
  }

  /** Ends the call for everyone (the customer's link stops working); no-op without a call. */
  async end(): Promise<void> {
    const escalation = this.current.escalation;
    if (!escalation || this.current.endedForEveryone) return;
    await this.api.endCall(escalation.escalationId);
    this.set({ endedForEveryone: true, endedAt: Date.now() });
    const room = this.current.room;
    const open = () => !!room && room.state !== 'disconnected';
    if (room && open()) {
      // Give the media server a moment to close the room itself; then leave regardless.
      await new Promise<void>((resolve) => {
        const off = room.on('disconnected', () => resolve());
        setTimeout(() => {
          off();
          resolve();
        }, ROOM_CLOSE_GRACE_MS);
      });
      if (open()) room.disconnect();
    }
    this.set({ room: null, conversationId: null, status: undefined });
  }

  /** Leaves and hides the call (after it is over, or to leave without ending it for the customer). */
  close(): void {
    this.current.room?.disconnect();
    this.release();
    this.set({ room: null, conversationId: null, endedForEveryone: false });
  }

  private release(): void {
    stopTracks(this.tracks);
    this.tracks = null;
  }

  private set(patch: Partial<AgentCallState>): void {
    this.current = { ...this.current, ...patch };
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
