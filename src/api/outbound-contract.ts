import type { OutboundEventType } from '../domain/outbound-events';

/**
 * Signed outbound events for CRMs (#20) as the Functions answer them (docs/outbound-events.md).
 * Staff calls carry the token the Flex way (`Token` in the body). No answer ever holds a secret:
 * an endpoint shows its secret's fingerprint.
 */

export type OutboundEndpointTypes = OutboundEventType[] | 'all';

/** POST /outbound-endpoints (admins): the stored endpoints are changed here, the environment's only listed. */
export type OutboundEndpointsRequest =
  | { action: 'list' }
  | { action: 'add'; id: string; url: string; secret: string; types?: OutboundEndpointTypes; enabled?: boolean }
  | { action: 'enable'; id: string }
  | { action: 'disable'; id: string }
  | { action: 'remove'; id: string }
  /** A new secret; the old one keeps signing too (two `v1` values) until `end-rotation`. */
  | { action: 'rotate'; id: string; secret: string }
  | { action: 'end-rotation'; id: string };

export interface OutboundEndpointView {
  id: string;
  url: string;
  types: OutboundEndpointTypes;
  enabled: boolean;
  /** `environment`: from OUTBOUND_WEBHOOKS, read-only here. */
  source: 'environment' | 'store';
  /** `sha256:` and 12 hex digits of the secret's hash: tells two secrets apart, signs nothing. */
  secretFingerprint: string;
  /** A rotation is under way: the previous secret's fingerprint. */
  previousSecretFingerprint?: string;
  createdAt?: string;
  createdBy?: string;
}

export interface OutboundEndpointsResponse {
  endpoints: OutboundEndpointView[];
}

/** POST /outbound-deliveries (supervisors and admins): the delivery log, newest first. */
export interface OutboundDeliveriesRequest {
  state?: 'pending' | 'delivered' | 'failed';
  endpointId?: string;
  conversationId?: string;
  type?: OutboundEventType;
  eventId?: string;
  /** Default 100, at most 500. */
  limit?: number;
}

export interface OutboundDeliveryView {
  eventId: string;
  endpointId: string;
  type: OutboundEventType;
  conversationId: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** When it is tried next; null once delivered or failed. */
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutboundDeliveriesResponse {
  deliveries: OutboundDeliveryView[];
}

/** POST /outbound-deliver (a scheduler on Twilio, with OUTBOUND_DELIVER_SECRET): what this call sent. */
export interface OutboundDeliverResponse {
  delivered: number;
  retrying: number;
  failed: number;
  /** Stopped at its time budget: call again soon. */
  more: boolean;
}
