import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { DomainError } from '../domain/errors';

/** What a customer link proves: this browser may join this one room of this one conversation, until `expiresAt`. */
export interface CustomerLinkClaims {
  escalationId: string;
  conversationId: string;
  roomName: string;
  customerIdentity: string;
  linkId: string;
  expiresAt: Date;
}

const ISSUER = 'video-escalation';
const AUDIENCE = 'customer-link';

/**
 * Signs and verifies customer links (HS256 JWT via `jose`). The token rides in the URL fragment,
 * so it never reaches a server log; pages send it in a POST body.
 */
export class CustomerLinks {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly publicBaseUrl: string,
  ) {
    if (secret.length < 32) throw new Error('LINK_SIGNING_SECRET must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: CustomerLinkClaims): Promise<string> {
    return new SignJWT({ esc: claims.escalationId, conv: claims.conversationId, room: claims.roomName })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(claims.customerIdentity)
      .setJti(claims.linkId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  url(token: string): string {
    return `${this.publicBaseUrl.replace(/\/$/, '')}/join.html#t=${token}`;
  }

  /** Throws DomainError `link_expired` or `link_invalid` (forged, tampered, malformed). */
  async verify(token: string, now: Date): Promise<CustomerLinkClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now,
      });
      const { esc, conv, room, sub, jti, exp } = payload;
      if (typeof esc !== 'string' || typeof conv !== 'string' || typeof room !== 'string' || !sub || !jti || !exp) {
        throw new DomainError('unauthorized', 'link_invalid', 'This link is not valid.');
      }
      return {
        escalationId: esc,
        conversationId: conv,
        roomName: room,
        customerIdentity: sub,
        linkId: jti,
        expiresAt: new Date(exp * 1000),
      };
    } catch (e) {
      if (e instanceof DomainError) throw e;
      if (e instanceof joseErrors.JWTExpired) {
        throw new DomainError('unauthorized', 'link_expired', 'This video link has expired.');
      }
      throw new DomainError('unauthorized', 'link_invalid', 'This link is not valid.');
    }
  }
}
