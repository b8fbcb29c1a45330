import type { MediaAccess } from '../domain/escalation';
import type { RecordingNotice } from '../domain/consent';

/**
 * The Functions' requests and answers, defined once: the Functions return these shapes and every
 * page (Flex plugin, local console, customer page) reads them through src/ui/api. Staff calls
 * carry the agent's token, the Flex way (`Token` in the body).
 */

export interface EscalateRequest {
  conversationId: string;
}

export interface EscalateResponse {
  escalationId: string;
  roomName: string;
  customerLink: string;
  linkExpiresAt: string;
  recording: boolean;
  /** The conversation was already on video: nothing new was posted. */
  reused: boolean;
  access: MediaAccess;
}

export interface EndCallRequest {
  escalationId: string;
}

export interface EndCallResponse {
  escalationId: string;
  status: string;
  endedAt?: string;
}

/** What the join page may know before joining: enough for pre-join and the consent step. */
export interface LinkCheck {
  agentName: string;
  recording: boolean;
  /** Recorded calls: the notice to show, whose version the join request sends back with consent. */
  notice?: RecordingNotice;
  expiresAt: string;
  /** Someone is already in the call with this link (another tab or device). */
  inUse: boolean;
}

export interface JoinResult extends LinkCheck {
  access: MediaAccess;
}

export interface CustomerTokenRequest {
  linkToken: string;
  action: 'check' | 'join';
  takeOver?: boolean;
  /** Joining a recorded call: the customer ticked the consent box for this notice version. */
  consent?: boolean;
  noticeVersion?: string;
}

/** The Functions by path, with what each takes and answers. */
export interface FunctionsContract {
  '/escalate': { request: EscalateRequest; response: EscalateResponse };
  '/end-call': { request: EndCallRequest; response: EndCallResponse };
  '/customer-token': { request: CustomerTokenRequest; response: LinkCheck | JoinResult };
}
