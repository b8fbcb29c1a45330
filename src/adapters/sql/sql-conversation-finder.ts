import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { customerNameOf } from '../../domain/conversation';
import type { ConversationMatch } from '../../domain/privacy';
import type { StoreTables } from './schema';

type Found = Pick<ConversationMatch, 'conversationId' | 'customerName' | 'startedAt'>;

/** `%text%` for LIKE … ESCAPE '\', with LIKE's own wildcards in the text taken literally. */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const newestFirst = (a: Found, b: Found): number =>
  a.startedAt === b.startedAt ? b.conversationId.localeCompare(a.conversationId) : b.startedAt.localeCompare(a.startedAt);

/**
 * Chats the store holds itself (local mode; none on Twilio, whose chats live in Conversations).
 * Their customer name is an attribute inside JSON: the one place the engines spell it differently.
 * `lower()` folds ASCII on SQLite and every letter on PostgreSQL.
 */
async function chats(db: Kysely<StoreTables>, query: string, pattern: string, limit: number): Promise<Found[]> {
  const name =
    db.getExecutor().adapter instanceof SqliteAdapter
      ? sql<string | null>`json_extract(attributes_json, '$.customerName')`
      : sql<string | null>`(attributes_json::jsonb ->> 'customerName')`;
  const rows = await db
    .selectFrom('ve_conversations')
    .select(['id', 'created_at', 'attributes_json'])
    .where((eb) => eb.or([eb('id', '=', query), sql<boolean>`lower(${name}) like ${pattern} escape '\\'`]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ conversationId: r.id, customerName: customerNameOf(JSON.parse(r.attributes_json)), startedAt: r.created_at }));
}

/**
 * Conversations known from their calls, clips and recordings only (Twilio mode): started at the
 * first of them, named as their recordings name the customer (unnamed ones are found by id).
 */
async function touched(db: Kysely<StoreTables>, query: string, pattern: string, limit: number): Promise<Found[]> {
  const { rows } = await sql<{ conversation_id: string; started_at: string; customer_name: string | null }>`
    select t.conversation_id, min(t.at) as started_at, max(t.customer_name) as customer_name
    from (
      select conversation_id, created_at as at, cast(null as text) as customer_name from ve_escalations
      union all select conversation_id, created_at, cast(null as text) from ve_clips
      union all select conversation_id, ended_at, customer_name from ve_recordings
    ) t
    where not exists (select 1 from ve_conversations c where c.id = t.conversation_id)
    group by t.conversation_id
    having t.conversation_id = ${query} or lower(max(t.customer_name)) like ${pattern} escape '\\'
    order by started_at desc, t.conversation_id desc
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ conversationId: r.conversation_id, customerName: customerNameOf({ customerName: r.customer_name }), startedAt: r.started_at }));
}

/** The agent of each conversation's latest call or clip (both records carry `agentName`). */
async function agentsOf(db: Kysely<StoreTables>, ids: string[]): Promise<Map<string, string>> {
  const [calls, clips] = await Promise.all(
    (['ve_escalations', 've_clips'] as const).map((table) =>
      db.selectFrom(table).select(['conversation_id', 'created_at', 'record_json']).where('conversation_id', 'in', ids).execute(),
    ),
  );
  const latest = new Map<string, { at: string; name: string }>();
  for (const r of [...calls, ...clips]) {
    const name = (JSON.parse(r.record_json) as { agentName?: unknown }).agentName;
    const seen = latest.get(r.conversation_id);
    if (typeof name === 'string' && name && (!seen || r.created_at > seen.at)) latest.set(r.conversation_id, { at: r.created_at, name });
  }
  return new Map([...latest].map(([id, v]) => [id, v.name]));
}

/**
 * The supervisors' conversation finder (#23): by customer name (part of it, any case) or exact id,
 * newest first, at most `limit`. The two sources are disjoint, so the newest `limit` of each hold
 * the newest `limit` of both; closure, hold and agent are then read for those few only.
 */
export async function findConversations(db: Kysely<StoreTables>, filter: { query: string; limit: number }): Promise<ConversationMatch[]> {
  const query = filter.query.trim();
  if (!query) return [];
  const pattern = containing(query.toLowerCase());
  const [local, elsewhere] = await Promise.all([chats(db, query, pattern, filter.limit), touched(db, query, pattern, filter.limit)]);
  const found = [...local, ...elsewhere].sort(newestFirst).slice(0, filter.limit);
  if (found.length === 0) return [];
  const ids = found.map((f) => f.conversationId);
  const [holds, closures, agents] = await Promise.all([
    db.selectFrom('ve_legal_holds').select('conversation_id').where('conversation_id', 'in', ids).execute(),
    db.selectFrom('ve_conversation_closures').select('conversation_id').where('conversation_id', 'in', ids).execute(),
    agentsOf(db, ids),
  ]);
  const held = new Set(holds.map((r) => r.conversation_id));
  const closed = new Set(closures.map((r) => r.conversation_id));
  return found.map((f) => ({ ...f, agentName: agents.get(f.conversationId) ?? null, closed: closed.has(f.conversationId), onHold: held.has(f.conversationId) }));
}
