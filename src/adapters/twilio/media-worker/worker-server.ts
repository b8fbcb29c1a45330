import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SqlMediaWork } from '../../sql/sql-media-work';
import type { ServedMedia } from './served-media';
import type { ServedVideos } from './served-videos';

export interface Health {
  ok: boolean;
  /** Transcripts still waiting for a worker to make their FLAC (or being made). */
  queueDepth: number;
  working: number;
  /** At Voice Intelligence, not yet reported. */
  submitted: number;
  /** Age of the oldest of those waiting, in seconds (0 when none waits). */
  oldestWaitingSeconds: number;
  /** Set when the oldest waits longer than WORKER_STALL_SECONDS: no worker is getting through the queue. */
  stalled: boolean;
}

export async function health(work: SqlMediaWork, now: Date, stallSeconds: number): Promise<Health> {
  const s = await work.stats();
  const oldestWaitingSeconds = s.oldestWaitingSince ? Math.max(0, Math.round((now.getTime() - Date.parse(s.oldestWaitingSince)) / 1000)) : 0;
  const stalled = oldestWaitingSeconds > stallSeconds;
  return { ok: !stalled, queueDepth: s.queueDepth, working: s.working, submitted: s.submitted, oldestWaitingSeconds, stalled };
}

/**
 * The worker's own HTTP server: `GET /healthz` (200 while the queue moves, 503 when it is stalled
 * or the database cannot be read: what a process supervisor or load balancer checks), and the
 * signed FLAC files Voice Intelligence fetches (`/media/…`), and the finished videos viewers play
 * (`/videos/…`), both when no bucket is configured.
 */
export async function startWorkerServer(o: {
  host: string;
  port: number;
  work: SqlMediaWork;
  served: ServedMedia | null;
  /** Finished videos for viewers (`/videos/…`, when no bucket is configured). */
  videos?: ServedVideos | null;
  stallSeconds: number;
  now?: () => Date;
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const now = () => o.now?.() ?? new Date();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://worker');
    const answer = async () => {
      if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        let body: Health | { ok: false; error: string };
        try {
          body = await health(o.work, now(), o.stallSeconds);
        } catch (err) {
          body = { ok: false, error: `store unreachable: ${(err as Error).message}` };
        }
        res.writeHead(body.ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        return void res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
      }
      const media = /^\/media\/([^/]+)$/.exec(url.pathname);
      if (media && o.served && (req.method === 'GET' || req.method === 'HEAD')) {
        return o.served.handle(req, res, decodeURIComponent(media[1]), url.searchParams, now());
      }
      const video = /^\/videos\/([^/]+)$/.exec(url.pathname);
      if (video && o.videos && (req.method === 'GET' || req.method === 'HEAD')) {
        return o.videos.handle(req, res, decodeURIComponent(video[1]), url.searchParams, now());
      }
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    };
    answer().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
