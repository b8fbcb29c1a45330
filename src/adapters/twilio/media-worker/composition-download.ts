import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { compositionMediaUrl } from '../composition-media';
import type { TwilioClient } from '../twilio-client';

/**
 * Downloads a composition's media to `dest`: `GET /v1/Compositions/{sid}/Media` with the API key
 * answers with a short-lived `redirect_to` (Compositions resource, "Retrieve a Composition media
 * file"), which is then fetched without credentials. Returns the bytes written.
 */
export async function downloadComposition(client: TwilioClient, compositionId: string, dest: string, timeoutMs = 10 * 60_000): Promise<number> {
  const url = await compositionMediaUrl(client, compositionId, 600);
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (res.status !== 200 || !res.body) throw new Error(`composition ${compositionId} media: HTTP ${res.status}`);
  let bytes = 0;
  const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => (bytes += chunk.length));
  await pipeline(body, createWriteStream(dest, { mode: 0o600 }));
  if (bytes === 0) throw new Error(`composition ${compositionId} media is empty`);
  return bytes;
}
