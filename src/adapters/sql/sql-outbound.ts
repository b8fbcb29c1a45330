import type { ExpressionBuilder, Kysely, Selectable, Updateable } from 'kysely';
import type { OutboundDeliveriesTable, OutboundEndpointsTable, StoreTables } from './schema';
import type { OutboundEventType } from '../../domain/outbound-events';
import type {
  NewOutboundDelivery,
  OutboundDelivery,
  OutboundDeliveryFilter,
  OutboundDeliveryState,
  OutboundEndpoint,
  OutboundStore,
  StoredOutboundEndpoint,
} from '../../ports/outbound-store';

const toDelivery = (r: Selectable<OutboundDeliveriesTable>): OutboundDelivery => ({
  eventId: r.event_id,
  endpointId: r.endpoint_id,
  type: r.type as OutboundEventType,
  conversationId: r.conversation_id,
  body: r.body_json,
  state: r.state as OutboundDeliveryState,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastStatus: r.last_status === null ? null : Number(r.last_status),
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toEndpoint = (r: Selectable<OutboundEndpointsTable>): StoredOutboundEndpoint => ({
  id: r.id,
  url: r.url,
  secret: r.secret,
  ...(r.previous_secret ? { previousSecret: r.previous_secret } : {}),
  types: JSON.parse(r.types_json) as StoredOutboundEndpoint['types'],
  enabled: Number(r.enabled) === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type Eb = ExpressionBuilder<StoreTables, 've_outbound_deliveries'>;
/** Pending, due, and held by nobody (or by a sender whose lease ran out: it died mid-request). */
const claimable = (now: string) => (eb: Eb) =>
  eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])]);

/**
 * The outbound queue, its delivery log and the stored endpoints, on either engine. Claims follow
 * the store's lease pattern (sql-media-work.ts): one conditional UPDATE per row decides the
 * sender, re-checked under PostgreSQL's row lock and serialised by SQLite's single writer.
 */
export class SqlOutbound implements OutboundStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async enqueue(deliveries: readonly NewOutboundDelivery[], now: string): Promise<number> {
    if (deliveries.length === 0) return 0;
    const rows = deliveries.map((d) => ({
      event_id: d.eventId,
      endpoint_id: d.endpointId,
      type: d.type,
      conversation_id: d.conversationId,
      body_json: d.body,
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
    }));
    const r = await this.db
      .insertInto('ve_outbound_deliveries')
      .values(rows)
      .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  }

  async claimDue(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboundDelivery[]> {
    const candidates = await this.db
      .selectFrom('ve_outbound_deliveries')
      .select(['event_id', 'endpoint_id', 'attempts'])
      .where(claimable(now))
      .orderBy('next_attempt_at')
      .orderBy('created_at')
      .orderBy('event_id')
      .orderBy('endpoint_id')
      .limit(limit)
      .execute();
    const claimed: OutboundDelivery[] = [];
    for (const c of candidates) {
      const r = await this.db
        .updateTable('ve_outbound_deliveries')
        .set({ lease_owner: owner, lease_until: leaseUntil, attempts: Number(c.attempts) + 1, updated_at: now })
        .where('event_id', '=', c.event_id)
        .where('endpoint_id', '=', c.endpoint_id)
        .where('attempts', '=', c.attempts)
        .where(claimable(now))
        .executeTakeFirst();
      if (r.numUpdatedRows !== 1n) continue;
      const row = await this.get(c.event_id, c.endpoint_id);
      if (row) claimed.push(row);
    }
    return claimed;
  }

  async markDelivered(eventId: string, endpointId: string, owner: string, status: number, now: string): Promise<boolean> {
    return this.settle(eventId, endpointId, owner, { state: 'delivered', last_status: status, last_error: null, delivered_at: now, updated_at: now });
  }

  async markFailedAttempt(
    eventId: string,
    endpointId: string,
    owner: string,
    failure: { status: number | null; error: string; nextAttemptAt: string | null },
    now: string,
  ): Promise<boolean> {
    return this.settle(eventId, endpointId, owner, {
      state: failure.nextAttemptAt === null ? 'failed' : 'pending',
      ...(failure.nextAttemptAt === null ? {} : { next_attempt_at: failure.nextAttemptAt }),
      last_status: failure.status,
      last_error: failure.error.slice(0, 200),
      updated_at: now,
    });
  }

  /** Ends an attempt: only the sender that holds the pending row's lease may, and the lease goes. */
  private async settle(eventId: string, endpointId: string, owner: string, set: Updateable<OutboundDeliveriesTable>): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_outbound_deliveries')
      .set({ ...set, lease_owner: null, lease_until: null })
      .where('event_id', '=', eventId)
      .where('endpoint_id', '=', endpointId)
      .where('state', '=', 'pending')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  async get(eventId: string, endpointId: string): Promise<OutboundDelivery | null> {
    const r = await this.db.selectFrom('ve_outbound_deliveries').selectAll().where('event_id', '=', eventId).where('endpoint_id', '=', endpointId).executeTakeFirst();
    return r ? toDelivery(r) : null;
  }

  async listDeliveries(filter: OutboundDeliveryFilter): Promise<OutboundDelivery[]> {
    let q = this.db.selectFrom('ve_outbound_deliveries').selectAll();
    if (filter.state) q = q.where('state', '=', filter.state);
    if (filter.endpointId) q = q.where('endpoint_id', '=', filter.endpointId);
    if (filter.conversationId) q = q.where('conversation_id', '=', filter.conversationId);
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.eventId) q = q.where('event_id', '=', filter.eventId);
    const rows = await q.orderBy('created_at', 'desc').orderBy('event_id', 'desc').orderBy('endpoint_id').limit(filter.limit).execute();
    return rows.map(toDelivery);
  }

  async listEndpoints(): Promise<StoredOutboundEndpoint[]> {
    const rows = await this.db.selectFrom('ve_outbound_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toEndpoint);
  }

  async getEndpoint(id: string): Promise<StoredOutboundEndpoint | null> {
    const r = await this.db.selectFrom('ve_outbound_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toEndpoint(r) : null;
  }

  async addEndpoint(e: OutboundEndpoint, by: string, now: string): Promise<boolean> {
    const r = await this.db
      .insertInto('ve_outbound_endpoints')
      .values({
        id: e.id,
        url: e.url,
        secret: e.secret,
        previous_secret: e.previousSecret ?? null,
        types_json: JSON.stringify(e.types),
        enabled: e.enabled ? 1 : 0,
        created_by: by,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async updateEndpoint(id: string, change: { enabled?: boolean; secret?: string; previousSecret?: string | null }, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('ve_outbound_endpoints')
      .set({
        ...(change.enabled === undefined ? {} : { enabled: change.enabled ? 1 : 0 }),
        ...(change.secret === undefined ? {} : { secret: change.secret }),
        ...(change.previousSecret === undefined ? {} : { previous_secret: change.previousSecret }),
        updated_at: now,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  }

  async removeEndpoint(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('ve_outbound_endpoints').where('id', '=', id).executeTakeFirst();
    return r.numDeletedRows === 1n;
  }
}
