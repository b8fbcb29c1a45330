import { Hs256Tokens } from './hs256-tokens';

/**
 * Short-lived grants to one file of one recording, for the local stack's media routes: what a
 * Twilio composition's pre-signed media URL is on Twilio. A page that has already been authorized
 * (the watch page, by its link in a POST body) gets a URL its <video> can load without a cookie;
 * the grant names no person, opens one file, and lapses after MEDIA_URL_TTL_SECONDS.
 */
export class MediaGrants {
  private readonly tokens: Hs256Tokens;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.tokens = new Hs256Tokens(secret, 'local-media-grant');
  }

  issue(recordingId: string, file: string): Promise<string> {
    return this.tokens.sign(recordingId, { file }, this.ttlSeconds);
  }

  /** True only for an unexpired grant of this very file of this recording. */
  async allows(grant: string, recordingId: string, file: string): Promise<boolean> {
    const payload = await this.tokens.verify(grant);
    return payload?.sub === recordingId && payload.file === file;
  }
}

/** The query key a grant rides in (not a credential name the request guards refuse: it opens one file, briefly). */
export const MEDIA_GRANT_PARAM = 'grant';
