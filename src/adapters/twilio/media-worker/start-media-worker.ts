import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { Config } from '../../../config';
import { logger } from '../../../logger';
import { openTwilioParts } from '../twilio-backend';
import type { MediaPublisher } from './media-publisher';
import { MediaUrlSigner } from './media-url-signer';
import { MediaWorker } from './media-worker';
import { s3MediaFromConfig, s3VideosFromConfig } from './s3-media';
import { ServedMedia } from './served-media';
import { ServedVideos } from './served-videos';
import { finishedVideoSigner } from './finished-video-url';
import { s3Videos, type VideoPublisher } from './video-publisher';
import { startWorkerServer } from './worker-server';

export interface RunningMediaWorker {
  id: string;
  port: number;
  stop(): Promise<void>;
}

/** Where Voice Intelligence fetches the FLAC: a bucket when one is configured, else this worker's own server. */
function publisherFrom(config: Config, mediaDir: string): { publisher: MediaPublisher; served: ServedMedia | null } {
  const s3 = s3MediaFromConfig(config);
  if (s3) return { publisher: s3, served: null };
  if (!config.WORKER_PUBLIC_URL || !config.WORKER_URL_SECRET) {
    throw new Error('The media worker needs WORKER_PUBLIC_URL and WORKER_URL_SECRET (its own signed URLs), or WORKER_S3_BUCKET (presigned URLs).');
  }
  const served = new ServedMedia(join(mediaDir, 'served'), new MediaUrlSigner(config.WORKER_URL_SECRET, config.WORKER_PUBLIC_URL));
  return { publisher: served, served };
}

/**
 * Where viewers fetch finished videos: the same bucket (its own prefix), else this worker's own
 * server, in a folder of its own that nothing sweeps (the files stay until retention).
 */
function videoPublisherFrom(config: Config, mediaDir: string): { videos: VideoPublisher; servedVideos: ServedVideos | null } {
  const s3 = s3VideosFromConfig(config);
  if (s3) return { videos: s3Videos(s3), servedVideos: null };
  const base = config.WORKER_PUBLIC_URL as string; // checked with the FLACs' publisher
  const served = new ServedVideos(join(mediaDir, 'videos'), base, finishedVideoSigner(config.LINK_SIGNING_SECRET, base));
  return { videos: served, servedVideos: served };
}

/**
 * The media worker as `npm run worker` runs it: the Twilio pipeline's parts (PostgreSQL, the REST
 * client), its HTTP server, and the claim loop. Returns once it listens.
 */
export async function startMediaWorker(config: Config): Promise<RunningMediaWorker> {
  const parts = await openTwilioParts(config);
  const c = parts.config;
  const id = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const log = logger.child({ worker: id });
  const mediaDir = resolve(config.WORKER_MEDIA_DIR);
  await mkdir(mediaDir, { recursive: true, mode: 0o700 });
  try {
    const { publisher, served } = publisherFrom(config, mediaDir);
    const { videos, servedVideos } = videoPublisherFrom(config, mediaDir);
    const server = await startWorkerServer({
      host: config.WORKER_HOST,
      port: config.WORKER_PORT,
      work: parts.work,
      served,
      videos: servedVideos,
      stallSeconds: config.WORKER_STALL_SECONDS,
    });
    const worker = new MediaWorker({
      id,
      work: parts.work,
      client: parts.client,
      pipeline: parts.pipeline,
      publisher,
      videos,
      serviceSid: c.VOICE_INTELLIGENCE_SERVICE_SID,
      scratchDir: join(mediaDir, 'scratch'),
      ffmpeg: config.WORKER_FFMPEG,
      transcodeTimeoutMs: config.WORKER_TRANSCODE_TIMEOUT_SECONDS * 1000,
      leaseMs: config.WORKER_LEASE_MS,
      maxAttempts: config.WORKER_MAX_ATTEMPTS,
      retryBackoffMs: config.WORKER_RETRY_BACKOFF_MS,
      followUpMs: config.WORKER_FOLLOW_UP_SECONDS * 1000,
      urlTtlMs: config.MEDIA_URL_TTL_SECONDS * 1000,
      log,
    });
    worker.start(config.WORKER_POLL_MS);
    // Files never fetched (or left by a killed copy) go once their URL has expired.
    const sweep = served
      ? setInterval(() => void served.sweep(new Date(), config.MEDIA_URL_TTL_SECONDS * 1000).catch(() => undefined), 60_000)
      : null;
    sweep?.unref();
    log.info({ host: config.WORKER_HOST, port: server.port, media: publisher.kind }, 'media worker started');
    return {
      id,
      port: server.port,
      stop: async () => {
        if (sweep) clearInterval(sweep);
        await worker.stop();
        await server.close();
        await parts.store.close();
      },
    };
  } catch (err) {
    await parts.store.close();
    throw err;
  }
}
