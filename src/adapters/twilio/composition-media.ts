import type { TwilioClient } from './twilio-client';

/**
 * A short-lived, pre-signed URL of a composition's media: `GET /v1/Compositions/{sid}/Media`
 * answers `redirect_to` (twilio-node has no method for it). Minted fresh for every use.
 */
export async function compositionMediaUrl(client: TwilioClient, compositionId: string, ttlSeconds: number): Promise<string> {
  const response = await client.request({
    method: 'get',
    uri: `https://video.twilio.com/v1/Compositions/${encodeURIComponent(compositionId)}/Media?Ttl=${ttlSeconds}`,
  });
  const body = (typeof response.body === 'string' ? JSON.parse(response.body) : response.body) as { redirect_to?: unknown };
  if (response.statusCode >= 400 || typeof body?.redirect_to !== 'string') {
    throw new Error(`composition ${compositionId} media unavailable (HTTP ${response.statusCode})`);
  }
  return body.redirect_to;
}
