import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../local/db';
import { openSqliteStore, type SqlStore } from '../../sql/database';
import { SqlMediaWork } from '../../sql/sql-media-work';
import { MediaUrlSigner } from './media-url-signer';
import { ServedMedia } from './served-media';
import { startWorkerServer } from './worker-server';

/** The worker's HTTP server: the health check a supervisor reads, and the one fetch of each FLAC. */
describe('media worker server', () => {
  let db: Db;
  let store: SqlStore;
  let work: SqlMediaWork;
  let dir: string;
  let server: Awaited<ReturnType<typeof startWorkerServer>>;
  let base: string;
  let now = new Date('2026-01-01T00:10:00Z');
  const name = `MW${'c'.repeat(32)}.flac`;

  beforeEach(async () => {
    db = openDb(':memory:');
    store = await openSqliteStore(db);
    work = new SqlMediaWork(store.db);
    dir = mkdtempSync(join(tmpdir(), 'worker-server-'));
    now = new Date('2026-01-01T00:10:00Z');
    const signer = new MediaUrlSigner('worker-server-test-secret-0123456789abcdef', 'http://placeholder');
    const served = new ServedMedia(join(dir, 'served'), signer);
    server = await startWorkerServer({ host: '127.0.0.1', port: 0, work, served, stallSeconds: 120, now: () => now });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterEach(async () => {
    await server.close();
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a published FLAC once, at its signed URL only, then never again', async () => {
    // The publisher signs with the server's secret and address; the server checks the signature alone.
    const served = new ServedMedia(join(dir, 'served'), new MediaUrlSigner('worker-server-test-secret-0123456789abcdef', base));
    const file = join(dir, 'speech.flac');
    writeFileSync(file, Buffer.from('fLaC fake bytes'));
    const { url, ref } = await served.publish(name, file, new Date(now.getTime() + 600_000));
    expect(ref).toBe(name);
    const unsigned = new URL(url);
    unsigned.searchParams.delete('sig');
    expect((await fetch(unsigned)).status).toBe(404);
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
    const res = await fetch(url);
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([200, 'audio/flac', 'fLaC fake bytes']);
    await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(join(dir, 'served', name))).toBe(false);
    expect((await fetch(url)).status).toBe(404);
    await expect(served.publish('../../etc/passwd', file, now)).rejects.toThrow(/not a media file name/);
  });

  it('answers /healthz with the queue, and 503 once the oldest transcript has waited past the stall limit', async () => {
    let res = await fetch(`${base}/healthz`);
    expect([res.status, await res.json()]).toEqual([200, { ok: true, queueDepth: 0, working: 0, submitted: 0, oldestWaitingSeconds: 0, stalled: false }]);
    await work.enqueue({ roomName: 'esc-1', compositionId: 'CJ1', customerKey: 'RE1/0', notBefore: '2026-01-01T00:09:00.000Z', now: '2026-01-01T00:09:00.000Z' });
    res = await fetch(`${base}/healthz`);
    expect([res.status, await res.json()]).toEqual([200, expect.objectContaining({ ok: true, queueDepth: 1, oldestWaitingSeconds: 60 })]);
    now = new Date('2026-01-01T00:12:00Z');
    res = await fetch(`${base}/healthz`);
    expect([res.status, await res.json()]).toEqual([503, expect.objectContaining({ ok: false, stalled: true, queueDepth: 1, oldestWaitingSeconds: 180 })]);
    await store.close();
    res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatch(/store unreachable/);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});
