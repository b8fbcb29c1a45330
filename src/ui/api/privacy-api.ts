import type {
  AuditLogRequest,
  AuditLogResponse,
  EraseCustomerRequest,
  EraseCustomerResponse,
  FindConversationsResponse,
  LegalHoldResponse,
  StorageUsageResponse,
} from '../../api/privacy-contract';
import { staffFunctionCall, type StaffFunctionsOptions } from './staff-functions';

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

export type PrivacyApiOptions = StaffFunctionsOptions;

/** The privacy Functions over HTTP, with the staff token sent the Flex way (`Token` in the body). */
export function httpPrivacyApi(options: PrivacyApiOptions): PrivacyApi {
  const call = staffFunctionCall(options);
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
