import type {
  AuditLogResponse,
  EraseCustomerRequest,
  EraseCustomerResponse,
  LegalHoldResponse,
  StorageUsageResponse,
} from '../../api/privacy-contract';
import type { AuditEntry, LegalHold } from '../../domain/privacy';
import { requestJson } from '../../client/request-json';

/** What the supervisors' privacy tools ask of the Functions; the Flex view and the local page share it. */
export interface PrivacyApi {
  erase(request: EraseCustomerRequest): Promise<EraseCustomerResponse>;
  storageUsage(): Promise<StorageUsageResponse>;
  auditLog(filter?: { conversationId?: string; limit?: number }): Promise<AuditLogResponse>;
  setHold(conversationId: string, reason: string): Promise<LegalHoldResponse>;
  liftHold(conversationId: string): Promise<LegalHoldResponse>;
  /** The hold in force, as the audit trail last recorded it (null: none). */
  currentHold(conversationId: string): Promise<LegalHold | null>;
}

export interface PrivacyApiOptions {
  /** '' for the same origin (local stack), the Functions domain in Flex. */
  baseUrl: string;
  /** The staff token at the moment of the call (Flex refreshes it). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

/**
 * The hold in force from a conversation's audit trail (newest first): the latest set or lift
 * decides. /legal-hold only sets and lifts, and every set and lift is audited with its reason.
 */
export function holdFromAudit(conversationId: string, entries: readonly AuditEntry[]): LegalHold | null {
  const last = entries.find((e) => e.conversationId === conversationId && (e.action === 'legal_hold.set' || e.action === 'legal_hold.lifted'));
  if (!last || last.action !== 'legal_hold.set') return null;
  return { conversationId, reason: String(last.details?.reason ?? ''), setBy: last.actor, setAt: last.at };
}

/** The privacy Functions over HTTP, with the staff token sent the Flex way (`Token` in the body). */
export function httpPrivacyApi({ baseUrl, token, fetchImpl }: PrivacyApiOptions): PrivacyApi {
  const call = <T>(path: string, body: object) =>
    requestJson<T>(`${baseUrl.replace(/\/$/, '')}${path}`, { method: 'POST', body: { ...body, Token: token() ?? '' } }, fetchImpl);
  const auditLog = (filter: { conversationId?: string; limit?: number } = {}) => call<AuditLogResponse>('/audit-log', filter);
  return {
    erase: (request) => call<EraseCustomerResponse>('/erase-customer', request),
    storageUsage: () => call<StorageUsageResponse>('/storage-usage', {}),
    auditLog,
    setHold: (conversationId, reason) => call<LegalHoldResponse>('/legal-hold', { conversationId, action: 'set', reason }),
    liftHold: (conversationId) => call<LegalHoldResponse>('/legal-hold', { conversationId, action: 'lift' }),
    currentHold: async (conversationId) => holdFromAudit(conversationId, (await auditLog({ conversationId, limit: 500 })).entries),
  };
}
