/** One supervisor watching (or, barging in, joining) one live call: stored for audit. */
export interface MonitoringSession {
  id: string;
  escalationId: string;
  conversationId: string;
  roomName: string;
  supervisorIdentity: string;
  supervisorName: string;
  /** The identity the media grant carries (hidden `monitor:<id>`, or `supervisor:<id>` when barging in). */
  participantIdentity: string;
  bargeIn: boolean;
  startedAt: string;
  /** Set by Stop (or when the call ends first and the supervisor stops afterwards). */
  endedAt?: string;
}
