import { readFile } from 'node:fs/promises';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Config } from '../../../config';
import type { MediaPublisher, PublishedMedia } from './media-publisher';

export interface S3MediaOptions {
  bucket: string;
  region: string;
  /** An S3-compatible endpoint (MinIO, R2, …); unset: AWS. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Key prefix of every FLAC; a bucket lifecycle rule on it can expire what is left behind. */
  prefix: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** What the objects are (default FLAC for Voice Intelligence; finished videos are mp4). */
  contentType?: string;
}

/**
 * FLACs in the deployment's S3-compatible bucket, handed to Voice Intelligence as presigned GET
 * URLs that expire: Voice Intelligence takes no Basic auth and recommends a presigned URL for S3
 * (https://www.twilio.com/docs/conversational-intelligence/limitations). Any copy of the worker can
 * serve any file this way, so copies can run anywhere.
 */
export class S3Media implements MediaPublisher {
  readonly kind = 's3' as const;
  private readonly s3: S3Client;

  constructor(private readonly o: S3MediaOptions) {
    this.s3 = new S3Client({
      region: o.region,
      ...(o.endpoint ? { endpoint: o.endpoint } : {}),
      forcePathStyle: o.forcePathStyle ?? false,
      ...(o.credentials ? { credentials: o.credentials } : {}),
    });
  }

  async publish(name: string, file: string, expiresAt: Date): Promise<PublishedMedia> {
    const key = `${this.o.prefix}${name}`;
    await this.s3.send(new PutObjectCommand({ Bucket: this.o.bucket, Key: key, Body: await readFile(file), ContentType: this.o.contentType ?? 'audio/flac' }));
    return { url: await this.presignGet(key, expiresAt), ref: key };
  }

  /** A presigned GET of one object, valid until `expiresAt` (at least one second). */
  presignGet(key: string, expiresAt: Date, signingDate = new Date()): Promise<string> {
    const expiresIn = Math.max(1, Math.floor((expiresAt.getTime() - signingDate.getTime()) / 1000));
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.o.bucket, Key: key }), { expiresIn, signingDate });
  }

  async remove(ref: string): Promise<void> {
    if (!ref.startsWith(this.o.prefix)) return;
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.o.bucket, Key: ref }));
  }

  close(): void {
    this.s3.destroy();
  }
}

/**
 * Finished videos (#22) live under their own prefix: the bucket's lifecycle rule expires
 * WORKER_S3_PREFIX after a day, and a finished video is kept until retention deletes it.
 */
export const FINISHED_VIDEO_S3_PREFIX = 'finished-videos/';

/** The bucket the configuration names, or null to serve files from the worker itself. */
export function s3MediaFromConfig(config: Config): S3Media | null {
  const options = s3OptionsFromConfig(config);
  return options ? new S3Media(options) : null;
}

/** The same bucket, for finished videos (their own prefix, mp4), or null without a bucket. */
export function s3VideosFromConfig(config: Config): S3Media | null {
  const options = s3OptionsFromConfig(config);
  return options ? new S3Media({ ...options, prefix: FINISHED_VIDEO_S3_PREFIX, contentType: 'video/mp4' }) : null;
}

function s3OptionsFromConfig(config: Config): S3MediaOptions | null {
  if (!config.WORKER_S3_BUCKET) return null;
  const id = config.WORKER_S3_ACCESS_KEY_ID;
  const secret = config.WORKER_S3_SECRET_ACCESS_KEY;
  if (Boolean(id) !== Boolean(secret)) throw new Error('Set both WORKER_S3_ACCESS_KEY_ID and WORKER_S3_SECRET_ACCESS_KEY, or neither.');
  return {
    bucket: config.WORKER_S3_BUCKET,
    region: config.WORKER_S3_REGION,
    endpoint: config.WORKER_S3_ENDPOINT,
    forcePathStyle: config.WORKER_S3_FORCE_PATH_STYLE,
    prefix: config.WORKER_S3_PREFIX,
    ...(id && secret ? { credentials: { accessKeyId: id, secretAccessKey: secret } } : {}),
  };
}
