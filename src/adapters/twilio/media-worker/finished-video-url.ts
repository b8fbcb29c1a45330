import { createHmac } from 'node:crypto';
import type { S3Media } from './s3-media';
import { MediaUrlSigner } from './media-url-signer';

/** The worker's route for finished videos: `<WORKER_PUBLIC_URL>/videos/<finishId>.mp4`. */
export const VIDEO_ROUTE = 'videos';

/**
 * The key of finished videos' URLs, derived from LINK_SIGNING_SECRET, which the Functions (who
 * mint the URL once the viewer is checked) and the worker (who serves the file) both hold. Derived,
 * so a watch link's signature and a video URL's can never stand in for each other, and apart from
 * WORKER_URL_SECRET, which the Functions do not have.
 */
export const finishedVideoKey = (linkSigningSecret: string): string =>
  createHmac('sha256', linkSigningSecret).update('media-worker finished video URLs v1').digest('base64url');

/** The signer of one worker's finished videos (`publicBaseUrl` is that copy's own address). */
export const finishedVideoSigner = (linkSigningSecret: string, publicBaseUrl: string): MediaUrlSigner =>
  new MediaUrlSigner(finishedVideoKey(linkSigningSecret), publicBaseUrl, VIDEO_ROUTE);

/** A served video's ref: the unsigned URL of the file at the copy that holds it. */
export function servedVideoRef(publicBaseUrl: string, name: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${VIDEO_ROUTE}/${encodeURIComponent(name)}`;
}

export interface FinishedVideoUrlOptions {
  linkSigningSecret: string;
  /** How long the viewer's URL works (MEDIA_URL_TTL_SECONDS, as for a composition's media URL). */
  ttlSeconds: number;
  /** The bucket, when finished videos are kept there (WORKER_S3_BUCKET). */
  s3?: () => Promise<S3Media | null>;
  now?: () => Date;
}

/**
 * A fresh, short-lived URL of a published finished video, for a viewer the Functions have checked:
 * signed for the worker copy that serves it, or a presigned GET of the bucket's object.
 */
export async function finishedVideoUrl(ref: string, o: FinishedVideoUrlOptions): Promise<string> {
  const now = o.now?.() ?? new Date();
  const expiresAt = new Date(now.getTime() + o.ttlSeconds * 1000);
  const served = new RegExp(`^(https?://.+)/${VIDEO_ROUTE}/([^/]+)$`).exec(ref);
  if (served) return finishedVideoSigner(o.linkSigningSecret, served[1]).url(decodeURIComponent(served[2]), expiresAt);
  const s3 = await o.s3?.();
  if (!s3) throw new Error(`finished video ${ref}: kept in a bucket, and no presigner for it is configured here`);
  return s3.presignGet(ref, expiresAt, now);
}
