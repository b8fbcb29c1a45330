import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { DomainError } from '../domain/errors';
import { WATCH_PAGE } from '../domain/watch-link';

/** What a customer link proves: this browser may join this one room of this one conversation, until `expiresAt`. */
export interface CustomerLinkClaims {
  escalationId: string;
  conversationId: string;
  roomName: string;
  customerIdentity: string;
  linkId: string;
  expiresAt: Date;
}

/** What a recording link proves: this browser may record clips for this one conversation, until `expiresAt`. */
export interface ClipLinkClaims {
  clipId: string;
  conversationId: string;
  customerIdentity: string;
  linkId: string;
  expiresAt: Date;
}

/**
 * What a watch link proves: this browser may watch this one recording of this one conversation,
 * until `expiresAt`, while the recording still names this link (a newer one replaces it).
 */
export interface WatchLinkClaims {
  recordingId: string;
  conversationId: string;
  linkId: string;
  /** Seconds since the epoch, as stored on the job: the same claims sign the same token again. */
  issuedAt: number;
  expiresAt: number;
}

/**
 * What a survey link proves: this browser may answer the satisfaction survey of this one
 * conversation (its ticket), until `expiresAt`, while the survey message still carries this link.
 */
export interface SurveyLinkClaims {
  conversationId: string;
  linkId: string;
  expiresAt: Date;
}

/** The survey page; like every customer link, the token rides in the fragment. */
export const SURVEY_PAGE = 'survey.html';

const ISSUER = 'video-escalation';
const AUDIENCE = 'customer-link';
/** Another audience: a call link never opens the recorder, a recording link never joins a call. */
const CLIP_AUDIENCE = 'clip-link';
/** And a third: a watch link only watches, one recording. */
const WATCH_AUDIENCE = 'watch-link';
/** A fourth: a survey link answers one ticket's survey and opens nothing else. */
const SURVEY_AUDIENCE = 'survey-link';
/** The watch and survey links' subject: the conversation's customer, whoever they are on their channel. */
const WATCH_SUBJECT = 'customer';

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

  async signClip(claims: ClipLinkClaims): Promise<string> {
    return new SignJWT({ clip: claims.clipId, conv: claims.conversationId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(CLIP_AUDIENCE)
      .setSubject(claims.customerIdentity)
      .setJti(claims.linkId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  clipUrl(token: string): string {
    return `${this.publicBaseUrl.replace(/\/$/, '')}/record.html#t=${token}`;
  }

  /**
   * Signs a watch link. HS256 over the same claims gives the same token, so the message that
   * carries it can be rewritten (video, then transcript) without changing the link a customer
   * on SMS already received. A delivered text cannot change, and Twilio's Message update
   * (twilio.com/docs/conversations/api/conversation-message-resource) documents no re-delivery
   * to SMS or WhatsApp participants: the docs are silent, so we take the stricter reading.
   */
  async signWatch(claims: WatchLinkClaims): Promise<string> {
    return new SignJWT({ rec: claims.recordingId, conv: claims.conversationId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(WATCH_AUDIENCE)
      .setSubject(WATCH_SUBJECT)
      .setJti(claims.linkId)
      .setIssuedAt(claims.issuedAt)
      .setExpirationTime(claims.expiresAt)
      .sign(this.key);
  }

  watchUrl(token: string): string {
    return `${this.publicBaseUrl.replace(/\/$/, '')}/${WATCH_PAGE}#t=${token}`;
  }

  async signSurvey(claims: SurveyLinkClaims): Promise<string> {
    return new SignJWT({ conv: claims.conversationId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(SURVEY_AUDIENCE)
      .setSubject(WATCH_SUBJECT)
      .setJti(claims.linkId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  surveyUrl(token: string): string {
    return `${this.publicBaseUrl.replace(/\/$/, '')}/${SURVEY_PAGE}#t=${token}`;
  }

  /** Throws DomainError `link_expired` or `link_invalid`, like `verify`. */
  async verifySurvey(token: string, now: Date): Promise<SurveyLinkClaims> {
    const { conv, sub, jti, exp } = await this.verified(token, SURVEY_AUDIENCE, now, 'This survey link has expired.');
    if (typeof conv !== 'string' || sub !== WATCH_SUBJECT || !jti || !exp) throw invalidLink();
    return { conversationId: conv, linkId: jti, expiresAt: new Date(exp * 1000) };
  }

  /** Throws DomainError `link_expired` or `link_invalid`, like `verify`. */
  async verifyWatch(token: string, now: Date): Promise<WatchLinkClaims> {
    const { rec, conv, sub, jti, iat, exp } = await this.verified(token, WATCH_AUDIENCE, now);
    if (typeof rec !== 'string' || typeof conv !== 'string' || sub !== WATCH_SUBJECT || !jti || !iat || !exp) throw invalidLink();
    return { recordingId: rec, conversationId: conv, linkId: jti, issuedAt: iat, expiresAt: exp };
  }

  /** Throws DomainError `link_expired` or `link_invalid`, like `verify`. */
  async verifyClip(token: string, now: Date): Promise<ClipLinkClaims> {
    const payload = await this.verified(token, CLIP_AUDIENCE, now);
    const { clip, conv, sub, jti, exp } = payload;
    if (typeof clip !== 'string' || typeof conv !== 'string' || !sub || !jti || !exp) throw invalidLink();
    return { clipId: clip, conversationId: conv, customerIdentity: sub, linkId: jti, expiresAt: new Date(exp * 1000) };
  }

  /** Throws DomainError `link_expired` or `link_invalid` (forged, tampered, malformed). */
  async verify(token: string, now: Date): Promise<CustomerLinkClaims> {
    const { esc, conv, room, sub, jti, exp } = await this.verified(token, AUDIENCE, now);
    if (typeof esc !== 'string' || typeof conv !== 'string' || typeof room !== 'string' || !sub || !jti || !exp) {
      throw invalidLink();
    }
    return {
      escalationId: esc,
      conversationId: conv,
      roomName: room,
      customerIdentity: sub,
      linkId: jti,
      expiresAt: new Date(exp * 1000),
    };
  }

  private async verified(token: string, audience: string, now: Date, expired = 'This video link has expired.'): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience, algorithms: ['HS256'], currentDate: now });
      return payload;
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) {
        throw new DomainError('unauthorized', 'link_expired', expired);
      }
      throw invalidLink();
    }
  }
}

const invalidLink = () => new DomainError('unauthorized', 'link_invalid', 'This link is not valid.');
