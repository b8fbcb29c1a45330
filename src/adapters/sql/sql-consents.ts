import type { Kysely } from 'kysely';
import type { ConsentRecord } from '../../domain/consent';
import type { ParticipantRole } from '../../domain/escalation';
import type { ConsentStore } from '../../ports/consent-store';
import type { StoreTables } from './schema';

/** Consent records in `ve_consents` (migration 0007), one row per participant and recording. */
export class SqlConsents implements ConsentStore {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async record(c: ConsentRecord): Promise<void> {
    await this.db
      .insertInto('ve_consents')
      .values({
        id: c.id,
        escalation_id: c.escalationId,
        room_name: c.roomName,
        participant_identity: c.participantIdentity,
        role: c.role,
        notice_version: c.noticeVersion,
        notice_text: c.noticeText,
        user_agent: c.userAgent,
        consented_at: c.consentedAt,
      })
      .execute();
  }

  async listByEscalation(escalationId: string): Promise<ConsentRecord[]> {
    const rows = await this.db
      .selectFrom('ve_consents')
      .selectAll()
      .where('escalation_id', '=', escalationId)
      .orderBy('consented_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      escalationId: r.escalation_id,
      roomName: r.room_name,
      participantIdentity: r.participant_identity,
      role: r.role as ParticipantRole,
      noticeVersion: r.notice_version,
      noticeText: r.notice_text,
      userAgent: r.user_agent,
      consentedAt: r.consented_at,
    }));
  }
}
