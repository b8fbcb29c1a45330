import type { ConsentRecord } from '../domain/consent';

/** Consent records, kept as proof (erasure keeps them too, without content). */
export interface ConsentStore {
  record(consent: ConsentRecord): Promise<void>;
  listByEscalation(escalationId: string): Promise<ConsentRecord[]>;
}
