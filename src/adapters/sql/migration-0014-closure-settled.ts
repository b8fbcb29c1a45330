import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 0014: settled closures (issue #11), portable DDL on both engines.
 * - `settled_at`: set once the sweep found nothing left to delete in the conversation under the
 *   policy (a closed conversation takes no new call or clip); null while work may remain. An
 *   operator who changes the policy clears it for every closure (`retention:sweep --revisit-all`).
 * - The sweep lists only unsettled closures by closed time: a partial index over just those rows
 *   (SQLite and PostgreSQL both have them) replaces 0013's index over all of them, which nothing
 *   else reads, so the sweep's cost follows the open work, not every closure ever recorded.
 */
export const closureSettledMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('ve_conversation_closures').addColumn('settled_at', 'text').execute();
    await db.schema.dropIndex('ve_conversation_closures_by_time').execute();
    await db.schema
      .createIndex('ve_conversation_closures_unsettled')
      .on('ve_conversation_closures')
      .columns(['closed_at', 'conversation_id'])
      .where(sql<boolean>`settled_at is null`)
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('ve_conversation_closures_unsettled').execute();
    await db.schema.createIndex('ve_conversation_closures_by_time').on('ve_conversation_closures').columns(['closed_at', 'conversation_id']).execute();
    await db.schema.alterTable('ve_conversation_closures').dropColumn('settled_at').execute();
  },
};
