/** The events that drive the pipeline, one use case each. Webhooks and local engines send the same ones. */
export interface RoomEndedEvent {
  roomName: string;
  roomSid: string;
  conversationId: string;
  escalationId: string;
  recording: boolean;
  endedAt: string;
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
