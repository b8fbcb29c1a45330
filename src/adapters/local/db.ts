import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the local SQLite database. WAL lets the Functions process and the local stack's worker
 * read and write the same file at once; busy_timeout waits out the other writer instead of failing.
 */
export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  // Before WAL: SQLite gives the -wal and -shm files the database file's own mode.
  if (path !== ':memory:') chmodSync(path, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/** Each adapter owns its tables and creates them idempotently on first use. */
export function ensureSchema(db: Db, sql: string): void {
  db.exec(sql);
}

export const dbPath = (dataDir: string): string => `${dataDir}/video-escalation.sqlite`;
