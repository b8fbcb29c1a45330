import type { FindConversationsResponse } from '../../api/privacy-contract';
import { DomainError } from '../../domain/errors';
import { hasRole, type StaffIdentity } from '../../domain/identity';
import type { PrivacyStore } from '../../ports/privacy-store';

/** Results per search: enough to spot the right conversation, few enough that a name never lists them all. */
export const FIND_LIMIT = 20;
export const FIND_LIMIT_MAX = 50;
export const FIND_QUERY_MAX = 200;

/**
 * Supervisors find a conversation to put on hold or erase by its customer's name (part of it,
 * any case) or its id, newest first, without having to know the id beforehand (#23). Agents get a
 * 403: the list spans every agent's customers.
 */
export async function findConversations(
  deps: { privacy: Pick<PrivacyStore, 'findConversations'> },
  staff: StaffIdentity,
  request: { query: string; limit?: number },
): Promise<FindConversationsResponse> {
  if (!hasRole(staff, 'supervisor', 'admin')) {
    throw new DomainError('forbidden', 'supervisor_required', 'Only supervisors can look up conversations.');
  }
  const query = request.query.trim();
  if (!query) throw new DomainError('invalid_request', 'query_required', "Type part of the customer's name or the conversation id.");
  if (query.length > FIND_QUERY_MAX) throw new DomainError('invalid_request', 'query_too_long', `Keep the search under ${FIND_QUERY_MAX} characters.`);
  const limit = Math.min(Math.max(1, Math.floor(request.limit ?? FIND_LIMIT)), FIND_LIMIT_MAX);
  // One more than asked says whether the list was cut.
  const found = await deps.privacy.findConversations({ query, limit: limit + 1 });
  return { conversations: found.slice(0, limit), more: found.length > limit };
}
