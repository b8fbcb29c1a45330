import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * A private PostgreSQL 15 cluster for one test run: its own data directory, 127.0.0.1 and a free
 * port, trust auth for user `app`. Never the system cluster. Works as root (initdb refuses root,
 * so the cluster runs as `postgres`) and as an ordinary user (it runs as that user).
 */
export interface PostgresServer {
  /** Connection string of the `postgres` database, as superuser `app`. */
  connectionString: string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown, then the data directory is removed. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin';
const USER = 'app';

export async function startPostgresServer(binDir = process.env.PG_BIN_DIR ?? DEFAULT_BIN_DIR): Promise<PostgresServer> {
  const initdb = join(binDir, 'initdb');
  const pgCtl = join(binDir, 'pg_ctl');
  for (const bin of [initdb, pgCtl, join(binDir, 'postgres')]) {
    if (!existsSync(bin)) {
      throw new Error(`PostgreSQL binary ${bin} not found: apt-get install -y postgresql (15), or set PG_BIN_DIR`);
    }
  }
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : null;

  const root = mkdtempSync(join(tmpdir(), 've-pg-'));
  const dataDir = join(root, 'data');
  const logFile = join(root, 'server.log');
  if (owner) chownSync(root, owner.uid, owner.gid);
  const run = (file: string, args: string[]) => exec(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args, root);

  let port = 0;
  let running = false;
  const stopSync = () => {
    // Last resort when the test process exits without calling stop(): no cluster is left behind.
    if (running) {
      try {
        execFileSync(asRoot ? 'runuser' : pgCtl, [...(asRoot ? ['-u', 'postgres', '--', pgCtl] : []), '-D', dataDir, '-m', 'immediate', 'stop'], { stdio: 'ignore', cwd: root });
      } catch {
        /* already gone */
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stopSync);

  try {
    // -N: no fsync; a test cluster never needs to survive a crash.
    await run(initdb, ['-D', dataDir, '-A', 'trust', '-U', USER, '-E', 'UTF8', '--locale=C', '-N']);
    // A free port can be taken between probing and binding: try a few.
    for (let attempt = 1; !running; attempt++) {
      port = await freePort();
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        // -l: the server's output goes to a file; otherwise it keeps our pipe open and pg_ctl never returns.
        await run(pgCtl, ['-D', dataDir, '-o', options, '-l', logFile, '-w', '-t', '30', 'start']);
        running = true;
      } catch (err) {
        if (attempt >= 3) throw new Error(`${(err as Error).message}\n--- server log ---\n${readLog(logFile)}`);
      }
    }
  } catch (err) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw err;
  }

  const url = (db: string) => `postgresql://${USER}@127.0.0.1:${port}/${db}`;
  let stopped = false;
  return {
    connectionString: url('postgres'),
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid database name ${name}`);
      const client = new Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopSync);
      try {
        if (running) await run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
        running = false;
      } finally {
        stopSync();
      }
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('running as root needs the `postgres` user to run the cluster: apt-get install -y postgresql');
  }
}

function exec(file: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, timeout: 60_000, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${[file, ...args].join(' ')} failed: ${err.message}\n${stderr || stdout}`));
      else resolve();
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(-4000);
  } catch {
    return '(no server log)';
  }
}
