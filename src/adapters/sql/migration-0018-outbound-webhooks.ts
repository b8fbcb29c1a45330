import type { Kysely, Migration } from 'kysely';

/**
 * 0018: signed outbound events for CRMs (#20, src/core/outbound/DESIGN-NOTE.md).
 * `ve_outbound_endpoints`: the receivers an admin added (those of OUTBOUND_WEBHOOKS live in the
 * environment only). `ve_outbound_deliveries`: one row per event × endpoint, both the queue
 * (pending, due at `next_attempt_at`, leased by one sender) and the log supervisors read. Its key
 * (event_id, endpoint_id) is what makes publishing the same event twice queue it once. Portable
 * DDL: text and integer only; `enabled` is 0 or 1.
 */
export const outboundWebhooksMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ve_outbound_endpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('previous_secret', 'text')
      .addColumn('types_json', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('ve_outbound_deliveries')
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('endpoint_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('body_json', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('last_status', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ve_outbound_deliveries_pk', ['event_id', 'endpoint_id'])
      .execute();
    // The sender's claim: pending rows by due time.
    await db.schema.createIndex('ve_outbound_deliveries_due').on('ve_outbound_deliveries').columns(['state', 'next_attempt_at']).execute();
    // The log, newest first, whole or one conversation's.
    await db.schema.createIndex('ve_outbound_deliveries_by_time').on('ve_outbound_deliveries').columns(['created_at', 'event_id']).execute();
    await db.schema
      .createIndex('ve_outbound_deliveries_by_conversation')
      .on('ve_outbound_deliveries')
      .columns(['conversation_id', 'created_at'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ve_outbound_deliveries').execute();
    await db.schema.dropTable('ve_outbound_endpoints').execute();
  },
};
