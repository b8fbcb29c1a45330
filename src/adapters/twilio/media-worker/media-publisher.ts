/**
 * Where the worker puts a FLAC for Voice Intelligence to fetch once: its own HTTP server, behind a
 * signed URL (served-media.ts), or an S3-compatible bucket, behind a presigned URL (s3-media.ts).
 */
export interface PublishedMedia {
  /** The URL handed to Voice Intelligence as `media_url`. */
  url: string;
  /** What `remove` needs to find it again (a file name, an object key); stored on the work row. */
  ref: string;
}

export interface MediaPublisher {
  readonly kind: 'served' | 's3';
  publish(name: string, file: string, expiresAt: Date): Promise<PublishedMedia>;
  /** Idempotent: gone already is fine. */
  remove(ref: string): Promise<void>;
}
