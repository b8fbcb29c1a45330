import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

/** Short helper over `jose` for the local back end's own HS256 tokens, one audience per use. */
export class Hs256Tokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly audience: string,
  ) {
    if (secret.length < 32) throw new Error('token secret must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  sign(subject: string, claims: Record<string, unknown>, ttlSeconds: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('video-escalation-local')
      .setAudience(this.audience)
      .setSubject(subject)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  /** Resolves the payload, or null for any forged, expired, malformed or wrong-audience token. */
  async verify(token: string): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: 'video-escalation-local',
        audience: this.audience,
        algorithms: ['HS256'],
      });
      return payload;
    } catch {
      return null;
    }
  }
}
