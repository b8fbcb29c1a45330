/**
 * A customer link stops opening when the link id it carries is replaced by one no token names:
 * a newer clip request replaces the old one, an erasure revokes every link of the customer.
 */
export const REVOKED_LINK_PREFIX = 'revoked-';
export const revokedLinkId = (newId: string): string => `${REVOKED_LINK_PREFIX}${newId}`;
export const isRevokedLink = (linkId: string | undefined): boolean => !linkId || linkId.startsWith(REVOKED_LINK_PREFIX);
