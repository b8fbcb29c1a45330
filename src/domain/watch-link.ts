import type { CustomerRecordingAccess } from './recording-policy';

/**
 * A customer's watch link (#18 part 5): the one way a customer on Webchat, SMS or WhatsApp reaches
 * a recording, since those channels show the message body alone. The job keeps the link it
 * honours; a newer link for the same recording replaces it, an erasure revokes it
 * (`revokedLinkId`, domain/link-revocation.ts).
 */
export interface WatchLinkState {
  /** The token's `jti`; a token naming any other id opens nothing. */
  linkId: string;
  /** Seconds since the epoch, kept so the same token is signed again for every update of the message. */
  issuedAt: number;
  expiresAt: number;
}

/** The page the link opens; the token rides in the fragment, so no server ever logs it. */
export const WATCH_PAGE = 'watch.html';

/** A customer's own clip goes to the agent: the customer recorded it and needs no link to it. */
export const addressedToCustomer = (job: { kind?: 'call' | 'clip'; clip?: { authorRole: 'customer' | 'agent' } }): boolean =>
  !(job.kind === 'clip' && job.clip?.authorRole === 'customer');

/** What the customer may have of a recording: an agent's clip is a reply to them, whatever the policy on calls says. */
export const customerAccessOf = (job: { clip?: { authorRole: 'customer' | 'agent' } }, policy: CustomerRecordingAccess | undefined): CustomerRecordingAccess =>
  job.clip?.authorRole === 'agent' ? 'video' : (policy ?? 'video');
