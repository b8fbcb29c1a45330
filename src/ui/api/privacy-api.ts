import type { FunctionsContract } from '../../api/contract';
import type {
  AuditLogRequest,
  AuditLogResponse,
  EraseCustomerRequest,
  EraseCustomerResponse,
  FindConversationsResponse,
  LegalHoldResponse,
  StorageUsageResponse,
} from '../../api/privacy-contract';
import { requestJson } from '../../client/request-json';

/** What the supervisors' privacy tools ask of the Functions; the Flex view and the local page share it. */
export interface PrivacyApi {
  erase(request: EraseCustomerRequest): Promise<EraseCustomerResponse>;
  storageUsage(): Promise<StorageUsageResponse>;
  auditLog(filter?: AuditLogRequest): Promise<AuditLogResponse>;
  setHold(conversationId: string, reason: string): Promise<LegalHoldResponse>;
  liftHold(conversationId: string): Promise<LegalHoldResponse>;
  /** The hold in force (null: none) and the conversation's closure when it is closed. */
  getHold(conversationId: string): Promise<LegalHoldResponse>;
  /** Conversations by part of the customer's name or by id, newest first. */
  findConversations(query: string): Promise<FindConversationsResponse>;
}

export interface PrivacyApiOptions {
  /** '' for the same origin (local stack), the Functions domain in Flex. */
  baseUrl: string;
  /** The staff token at the moment of the call (Flex refreshes it). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

/** The privacy Functions over HTTP, with the staff token sent the Flex way (`Token` in the body). */
export function httpPrivacyApi({ baseUrl, token, fetchImpl }: PrivacyApiOptions): PrivacyApi {
  const call = <P extends keyof FunctionsContract>(path: P, body: FunctionsContract[P]['request']) =>
    requestJson<FunctionsContract[P]['response']>(`${baseUrl.replace(/\/$/, '')}${path}`, { method: 'POST', body: { ...body, Token: token() ?? '' } }, fetchImpl);
  return {
    erase: (request) => call('/erase-customer', request),
    storageUsage: () => call('/storage-usage', {}),
    auditLog: (filter = {}) => call('/audit-log', filter),
    setHold: (conversationId, reason) => call('/legal-hold', { conversationId, action: 'set', reason }),
    liftHold: (conversationId) => call('/legal-hold', { conversationId, action: 'lift' }),
    getHold: (conversationId) => call('/legal-hold', { conversationId, action: 'get' }),
    findConversations: (query) => call('/find-conversations', { query }),
  };
}
