import type { OutboundEventType } from '../domain/outbound-events';

/** Where outbound events go: one receiver URL with its own signing secret (#20). */
export interface OutboundEndpoint {
  /** Stable, unique across the environment's and the store's endpoints: deliveries name it. */
  id: string;
  /** https (http only to 127.0.0.1 or localhost, in local mode). */
  url: string;
  /** The HMAC-SHA256 key, at least 32 characters. Never logged, never answered. */
  secret: string;
  /** During a secret rotation: the old key, still signed with so a receiver may switch at leisure. */
  previousSecret?: string;
  types: readonly OutboundEventType[] | 'all';
  enabled: boolean;
}

export type OutboundEndpointSource = 'environment' | 'store';

/** An endpoint kept in the store (added by an admin), with who added it. */
export interface StoredOutboundEndpoint extends OutboundEndpoint {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export type OutboundDeliveryState = 'pending' | 'delivered' | 'failed';

/** One event for one endpoint: the delivery log's row, and the queue's. */
export interface OutboundDelivery {
  eventId: string;
  endpointId: string;
  type: OutboundEventType;
  conversationId: string;
  /** The exact JSON posted (signed afresh on each attempt). */
  body: string;
  state: OutboundDeliveryState;
  /** Attempts started so far (a sender killed mid-request counts one). */
  attempts: number;
  /** When it may be tried (again); meaningful while pending. */
  nextAttemptAt: string;
  /** The receiver's last HTTP status; null before the first answer or when none came. */
  lastStatus: number | null;
  /** Why the last attempt failed, in our words (`HTTP 500`, `timeout`); never a secret or a URL. */
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewOutboundDelivery {
  eventId: string;
  endpointId: string;
  type: OutboundEventType;
  conversationId: string;
  body: string;
}

export interface OutboundDeliveryFilter {
  state?: OutboundDeliveryState;
  endpointId?: string;
  conversationId?: string;
  type?: OutboundEventType;
  eventId?: string;
  limit: number;
}

/**
 * The outbound queue and its log (src/core/outbound/DESIGN-NOTE.md), and the endpoints an admin
 * keeps in the store. Claims are leases: one conditional write picks the sender, so several
 * schedulers or processes never post the same delivery at once.
 */
export interface OutboundStore {
  /** Queues each (event, endpoint) pair once; a pair already queued is left as it is. Returns how many were new. */
  enqueue(deliveries: readonly NewOutboundDelivery[], now: string): Promise<number>;
  /** Up to `limit` pending deliveries due at `now`, now `owner`'s until `leaseUntil`, their attempt counted; oldest first. */
  claimDue(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboundDelivery[]>;
  /** The receiver answered 2xx. False when `owner` no longer holds it (lease lost). */
  markDelivered(eventId: string, endpointId: string, owner: string, status: number, now: string): Promise<boolean>;
  /** The attempt failed: tried again at `nextAttemptAt`, or given up (`nextAttemptAt` null). */
  markFailedAttempt(
    eventId: string,
    endpointId: string,
    owner: string,
    failure: { status: number | null; error: string; nextAttemptAt: string | null },
    now: string,
  ): Promise<boolean>;
  get(eventId: string, endpointId: string): Promise<OutboundDelivery | null>;
  /** The delivery log, newest first. */
  listDeliveries(filter: OutboundDeliveryFilter): Promise<OutboundDelivery[]>;

  listEndpoints(): Promise<StoredOutboundEndpoint[]>;
  getEndpoint(id: string): Promise<StoredOutboundEndpoint | null>;
  /** False when the id is taken. */
  addEndpoint(endpoint: OutboundEndpoint, by: string, now: string): Promise<boolean>;
  /** Changes enabled, secret or previousSecret of a stored endpoint; false when there is none by that id. */
  updateEndpoint(id: string, change: { enabled?: boolean; secret?: string; previousSecret?: string | null }, now: string): Promise<boolean>;
  /** False when there was none. Its log rows stay (their endpoint id names what is gone). */
  removeEndpoint(id: string): Promise<boolean>;
}
