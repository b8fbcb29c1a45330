import type { ClipAnnotation } from './clip-annotations';

/**
 * An async video clip (Loom-style) sent into a conversation. A clip is a one-sided recorded room:
 * its author publishes, the media server records, and the same pipeline as a live call composes,
 * transcribes and attaches it. Each take is its own room; a retake discards the take's media.
 */
export type ClipMode = 'screen' | 'camera' | 'screen+camera';
export const CLIP_MODES: readonly ClipMode[] = ['screen', 'camera', 'screen+camera'];

/**
 * - offered: a customer's recording link is out (or an agent opened the recorder); no take yet
 * - recording / paused: a take's room is open (paused = the room records nothing)
 * - stopped: the take ended and waits for its author's Send or Discard (the preview)
 * - sent: the take went into the conversation and the pipeline (terminal)
 * - discarded: the author threw it away (the link can record again while it is valid)
 */
export type ClipStatus = 'offered' | 'recording' | 'paused' | 'stopped' | 'sent' | 'discarded';

export type ClipAuthorRole = 'customer' | 'agent';

/** Why a take ended: its author pressed Stop, the server's length cap, or the author's tab went away. */
export type ClipStopCause = 'author' | 'cap' | 'author_gone';

export interface Clip {
  id: string;
  conversationId: string;
  authorRole: ClipAuthorRole;
  /** The author's participant identity (`customer:<id>` / `agent:<id>`). */
  authorIdentity: string;
  authorName: string;
  /** The agent who offered the clip (customer clips) or recorded it (agent clips). */
  agentIdentity: string;
  agentName: string;
  /** Customer clips: the only recording link that opens this clip, and when it expires. */
  linkId?: string;
  linkExpiresAt?: string;
  mode?: ClipMode;
  /** Takes started so far; the current take's room is `clip-<id>-<take>`. */
  take: number;
  roomName?: string;
  roomSid?: string;
  status: ClipStatus;
  /** Seconds recorded in the current take's finished runs (a pause ends a run). */
  recordedSeconds: number;
  /** When the running (not paused) part of the current take started. */
  runningSince?: string;
  stoppedAt?: string;
  stopCause?: ClipStopCause;
  /** Set at Send (#22): what the sender blurred or highlighted, burned into the composed video. */
  annotations?: ClipAnnotation[];
  /** Set at Send (#22): the sender's text description, shown with the clip for screen readers. */
  description?: string;
  /** Agent clips (#22): the reply template the agent recorded with (src/domain/agent-templates.ts). */
  template?: string;
  /** Optimistic concurrency: bumped by every save. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const clipRoomName = (clipId: string, take: number): string => `clip-${clipId}-${take}`;

/** Seconds recorded in the current take at `now`: finished runs plus the running one. */
export function recordedSecondsAt(clip: Clip, now: Date): number {
  const running = clip.runningSince ? Math.max(0, (now.getTime() - new Date(clip.runningSince).getTime()) / 1000) : 0;
  return clip.recordedSeconds + running;
}

/** Takes whose room is open on the media server. */
export const takeIsOpen = (clip: Clip): boolean => clip.status === 'recording' || clip.status === 'paused';

/** What the pipeline and the clip message carry about a clip. */
export interface ClipRef {
  clipId: string;
  authorRole: ClipAuthorRole;
  authorName: string;
  mode: ClipMode;
  /** Set at Send (#22): the sender's description, shown with the clip for screen readers. */
  description?: string;
  /** Set at Send (#22): the sender blurred or highlighted something; the video plays for nobody until finished. */
  annotated?: boolean;
}
