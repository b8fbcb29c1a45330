import type { Kysely, Migration } from 'kysely';

/**
 * 0017: the support event log and its per-ticket summary (issue #20). `ve_support_events` is
 * append-only (erasure aside): one row per fact, the event as JSON plus the columns looked up by.
 * `once_key` is set for the kinds kept once per ticket (the survey's answers), so a unique index
 * turns a repeat into a no-op; other rows leave it null, and nulls never collide on either engine.
 *
 * `ve_support_tickets` holds one row per ticket, recomputed from its events on every append and
 * erasure (support-ticket-summary.ts): the dashboard's metrics are sums over these rows.
 * `ve_support_days` sums those rows per UTC day and video/text, moved by the same transactions,
 * so the unfiltered dashboard stays fast over a year of tickets. Flags are 0/1 integers on both engines; seconds are doubles.
 * Portable DDL only.
 */
// The day rollup's sums (named as in sql-support-metrics.ts SUMS): counts, then seconds.
const DAY_COUNTS = [
  'tickets', 'resolved', 'messages', 'csat_total', 'csat_answers', 'first_contact', 'customer_clips', 'agent_clips',
  'customer_clips_watched', 'agent_clips_watched', 'calls', 'timezone_spanning', 'suggestions_shown', 'suggestions_accepted',
  'suggestions_dismissed',
];
const DAY_SECONDS = ['resolution_seconds', 'customer_clip_seconds', 'agent_clip_seconds'];

export const supportEventsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ve_support_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('side', 'text')
      .addColumn('event_json', 'text', (c) => c.notNull())
      .addColumn('once_key', 'text')
      .execute();
    // A ticket's events in order: list, recompute, erasure.
    await db.schema.createIndex('ve_support_events_by_conversation').on('ve_support_events').columns(['conversation_id', 'at']).execute();
    // The survey's answers once per ticket: INSERT … ON CONFLICT DO NOTHING.
    await db.schema
      .createIndex('ve_support_events_once')
      .on('ve_support_events')
      .columns(['conversation_id', 'once_key'])
      .unique()
      .execute();
    // Volumes of one kind over time.
    await db.schema.createIndex('ve_support_events_by_kind').on('ve_support_events').columns(['kind', 'at']).execute();

    await db.schema
      .createTable('ve_support_tickets')
      .addColumn('conversation_id', 'text', (c) => c.primaryKey())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('agent', 'text')
      .addColumn('team', 'text')
      .addColumn('video_used', 'integer', (c) => c.notNull())
      .addColumn('customer_messages', 'integer', (c) => c.notNull())
      .addColumn('agent_messages', 'integer', (c) => c.notNull())
      .addColumn('calls', 'integer', (c) => c.notNull())
      .addColumn('call_seconds', 'double precision', (c) => c.notNull())
      .addColumn('customer_clips', 'integer', (c) => c.notNull())
      .addColumn('agent_clips', 'integer', (c) => c.notNull())
      .addColumn('customer_clip_seconds', 'double precision', (c) => c.notNull())
      .addColumn('agent_clip_seconds', 'double precision', (c) => c.notNull())
      .addColumn('customer_clips_watched_by_agent', 'integer', (c) => c.notNull())
      .addColumn('agent_clips_watched_by_customer', 'integer', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('resolutions', 'integer', (c) => c.notNull())
      .addColumn('resolution_seconds', 'double precision')
      .addColumn('reopened', 'integer', (c) => c.notNull())
      .addColumn('confirmed_solved', 'integer')
      .addColumn('resolved', 'integer', (c) => c.notNull())
      .addColumn('first_contact_resolution', 'integer', (c) => c.notNull())
      .addColumn('csat', 'integer')
      .addColumn('customer_time_zone', 'text')
      .addColumn('agent_time_zone', 'text')
      .addColumn('suggestions_shown', 'integer', (c) => c.notNull())
      .addColumn('suggestions_accepted', 'integer', (c) => c.notNull())
      .addColumn('suggestions_dismissed', 'integer', (c) => c.notNull())
      .execute();
    // The dashboard's filters: a range, optionally one agent or one team. The range index carries
    // agent and team so the filter lists are read from the index alone.
    await db.schema.createIndex('ve_support_tickets_by_opened').on('ve_support_tickets').columns(['opened_at', 'agent', 'team']).execute();
    await db.schema.createIndex('ve_support_tickets_by_agent').on('ve_support_tickets').columns(['agent', 'opened_at']).execute();
    await db.schema.createIndex('ve_support_tickets_by_team').on('ve_support_tickets').columns(['team', 'opened_at']).execute();

    // The tickets summed per UTC day and video/text, moved by every summary change: the
    // unfiltered dashboard over a year reads a few hundred of these instead of every ticket.
    let days = db.schema
      .createTable('ve_support_days')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('video_used', 'integer', (c) => c.notNull());
    for (const count of DAY_COUNTS) days = days.addColumn(count, 'integer', (c) => c.notNull());
    for (const seconds of DAY_SECONDS) days = days.addColumn(seconds, 'double precision', (c) => c.notNull());
    await days.addPrimaryKeyConstraint('ve_support_days_pk', ['day', 'video_used']).execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('ve_support_days').execute();
    await db.schema.dropTable('ve_support_tickets').execute();
    await db.schema.dropTable('ve_support_events').execute();
  },
};
