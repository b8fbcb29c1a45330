import { FINISHED_VIDEO_S3_PREFIX, type S3Media } from './s3-media';

/**
 * Where the worker puts a finished video (#22) for viewers: its own HTTP server (served-videos.ts)
 * or the bucket. Unlike a FLAC it is fetched many times, by any viewer the Functions let through,
 * so it is neither single-use nor swept: it stays until retention discards it.
 */
export interface VideoPublisher {
  /** Every ref this publisher makes starts with it, so a copy only removes files it can reach. */
  readonly refPrefix: string;
  /** Puts `file` (moved or copied) under `name`; returns the ref stored on the row. Same name, same ref: a redo overwrites. */
  publish(name: string, file: string): Promise<string>;
  /** Idempotent: gone already is fine. */
  remove(ref: string): Promise<void>;
}

/** Finished videos in the bucket: the ref is the object key; the Functions presign a GET per viewer. */
export function s3Videos(s3: S3Media): VideoPublisher {
  return {
    refPrefix: FINISHED_VIDEO_S3_PREFIX,
    publish: async (name, file) => (await s3.publish(name, file, new Date(Date.now() + 60_000))).ref,
    remove: (ref) => s3.remove(ref),
  };
}
