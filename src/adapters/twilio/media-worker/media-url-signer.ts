import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring URLs of the files the worker serves. The FLAC files the worker serves to Voice Intelligence. Voice
 * Intelligence sends no credentials when it fetches `media_url` (no X-Twilio-Signature, no Basic
 * auth: https://www.twilio.com/docs/conversational-intelligence/limitations), so the URL itself is
 * the key: an HMAC over the file name and the expiry, checked in constant time.
 */
export class MediaUrlSigner {
  constructor(
    private readonly secret: string,
    /** The origin Voice Intelligence reaches this worker on (https in production). */
    private readonly publicBaseUrl: string,
    /** The worker's route for these files: `media` (FLACs), `videos` (finished videos). */
    private readonly folder = 'media',
  ) {
    if (secret.length < 32) throw new Error('the media URL secret needs at least 32 characters');
  }

  private sign(name: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${name}\n${expires}`).digest('base64url');
  }

  url(name: string, expiresAt: Date): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    const url = new URL(`${this.folder}/${encodeURIComponent(name)}`, this.publicBaseUrl.endsWith('/') ? this.publicBaseUrl : `${this.publicBaseUrl}/`);
    url.searchParams.set('expires', String(expires));
    url.searchParams.set('sig', this.sign(name, expires));
    return url.toString();
  }

  /** True when `sig` is ours for this name and expiry, and the expiry has not passed. */
  verify(name: string, expires: string | null, sig: string | null, now: Date): boolean {
    if (!expires || !sig || !/^\d{1,12}$/.test(expires)) return false;
    if (Number(expires) * 1000 <= now.getTime()) return false;
    const want = Buffer.from(this.sign(name, Number(expires)));
    const got = Buffer.from(sig);
    return want.length === got.length && timingSafeEqual(want, got);
  }
}
