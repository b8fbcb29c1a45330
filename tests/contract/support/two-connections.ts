import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../../src/adapters/local/db';
import { openPostgresStore, openSqliteStore, type SqlEngine, type SqlStore } from '../../../src/adapters/sql/database';
import { startPostgresServer } from '../../support/postgres-server';

/** A fresh store on one engine, opened twice: `other` is an independent connection (another process). */
export interface TwoConnections {
  store: SqlStore;
  other: SqlStore;
  close(): Promise<void>;
}

/** SQLite: a throw-away file opened by two handles. PostgreSQL: a private server started for the caller. */
export async function openTwoConnections(engine: SqlEngine, name: string): Promise<TwoConnections> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `ve-${name}-`));
    const a = openDb(join(dir, 'store.sqlite'));
    const b = openDb(join(dir, 'store.sqlite'));
    const store = await openSqliteStore(a);
    const other = await openSqliteStore(b);
    return {
      store,
      other,
      close: async () => {
        await store.close();
        await other.close();
        a.close();
        b.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = await startPostgresServer();
  try {
    const url = await server.createDatabase(name.replace(/[^a-z0-9]/g, ''));
    const store = await openPostgresStore(url);
    const other = await openPostgresStore(url);
    return {
      store,
      other,
      close: async () => {
        await store.close();
        await other.close();
        await server.stop();
      },
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}
