import type { Kysely, Migration } from 'kysely';

/**
 * 0015: one display name per person (issue #23). Holds and audit entries stored only the staff
 * identity ("alex-supervisor") while every page header says the person's name ("Supervisor").
 * The name is written beside the identity when the row is written; the identity stays the key
 * for access checks. Older rows have no name (null) and read as the identity. Portable DDL,
 * one column per ALTER TABLE for SQLite.
 */
export const staffNamesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('ve_legal_holds').addColumn('set_by_name', 'text').execute();
    await db.schema.alterTable('ve_audit_log').addColumn('actor_name', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('ve_audit_log').dropColumn('actor_name').execute();
    await db.schema.alterTable('ve_legal_holds').dropColumn('set_by_name').execute();
  },
};
