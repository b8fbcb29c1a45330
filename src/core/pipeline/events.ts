import type { ClipRef } from '../../domain/clip';

/** The events that drive the pipeline, one use case each. Webhooks and local engines send the same ones. */
export interface RoomEndedEvent {
  roomName: string;
  roomSid: string;
  conversationId: string;
  /** The call's escalation, or the clip's id. */
  escalationId: string;
  recording: boolean;
  endedAt: string;
  /** A live call (default) or an async clip: they differ only in layout and in the message. */
  kind?: 'call' | 'clip';
  clip?: ClipRef;
}

export interface CompositionEvent {
  roomName: string;
  compositionId: string;
  durationSeconds?: number;
}

export interface CompositionFailedEvent extends CompositionEvent {
  reason: string;
}

export interface TranscriptEvent {
  roomName: string;
  /** The speaker's audio composition the transcript was made from. */
  compositionId: string;
  transcriptId: string;
}

export interface TranscriptFailedEvent extends TranscriptEvent {
  reason: string;
}
