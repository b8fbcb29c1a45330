/** A chat conversation moved to video: one room, one customer link, one agent who owns it. */
export type EscalationStatus = 'active' | 'ended';

export interface Escalation {
  id: string;
  conversationId: string;
  /** Provider-neutral room name; unique per escalation (`esc-<id>`). */
  roomName: string;
  /** The provider's id for the room (Twilio `RM…`, Janus numeric room id as text). */
  roomSid: string;
  agentIdentity: string;
  agentName: string;
  /** Unique per link, so two escalations of one conversation never share a customer identity. */
  customerIdentity: string;
  /** The id (`jti`) of the only customer link that currently opens this escalation. */
  linkId: string;
  linkExpiresAt: string;
  recording: boolean;
  status: EscalationStatus;
  createdAt: string;
  endedAt?: string;
  endedBy?: string;
}

export type ParticipantRole = 'agent' | 'customer' | 'supervisor';

/** What a browser needs to connect to a room. Shaped to carry a Twilio access token or Janus details. */
export interface MediaAccess {
  provider: 'janus' | 'twilio';
  roomName: string;
  roomSid: string;
  identity: string;
  displayName: string;
  role: ParticipantRole;
  /** Twilio: a signed AccessToken JWT. Janus: a room join token from the room's allowed list. */
  token: string;
  /** Janus only: the WebSocket URL of the media server. */
  serverUrl?: string;
  /** Janus only: the signed token Janus's core API wants with every request; expires with the grant. */
  serverToken?: string;
  /**
   * Janus only: the publisher ids the server assigned to this grant, so recordings (named by
   * publisher id) can be mapped back to the participant without trusting the browser.
   */
  publisherIds?: { camera: number; screen: number };
  /**
   * A silent monitor's grant: the browser subscribes and never publishes. The Janus proxy refuses
   * to let such a grant publish; on Twilio the client connects with no local tracks.
   */
  receiveOnly?: boolean;
  expiresAt: string;
}

/** Participant identities carry their role, so any provider's participant list reads at a glance. */
export const agentParticipantIdentity = (agentIdentity: string): string => `agent:${agentIdentity}`;
export const customerParticipantIdentity = (id: string): string => `customer:${id}`;
/**
 * A supervisor silently monitoring a call. Not a participant role: nobody in the call sees it
 * (every UI drops it, isHiddenIdentity), and presence checks never count it as the agent's side.
 */
export const supervisorParticipantIdentity = (staffIdentity: string): string => `supervisor:${staffIdentity}`;
const MONITOR_PREFIX = 'monitor:';
export const monitorParticipantIdentity = (staffIdentity: string): string => `${MONITOR_PREFIX}${staffIdentity}`;

/** Identities the call's UIs never list as participants (silent monitors). */
export const isHiddenIdentity = (identity: string): boolean => identity.startsWith(MONITOR_PREFIX);


const PARTICIPANT_ROLES: ReadonlySet<string> = new Set<ParticipantRole>(['agent', 'customer', 'supervisor']);

/** The role a participant identity carries (`<role>:<id>`, as minted above); 'unknown' otherwise. */
export function roleOfIdentity(identity: string): ParticipantRole | 'unknown' {
  const prefix = identity.split(':', 1)[0];
  return identity.includes(':') && PARTICIPANT_ROLES.has(prefix) ? (prefix as ParticipantRole) : 'unknown';
}
