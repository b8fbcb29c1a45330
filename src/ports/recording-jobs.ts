/** Told when a room has ended, so its recordings enter the pipeline. Must be idempotent per room. */
export interface RoomEndedEvent {
  roomName: string;
  roomSid: string;
  conversationId: string;
  escalationId: string;
  recording: boolean;
  endedAt: string;
}

export interface RecordingJobs {
  roomEnded(event: RoomEndedEvent): Promise<void>;
}
