/**
 * The supervisors' conversation finder (#23), one contract on both engines: local chats (found by
 * their `customerName` attribute) and conversations known only from calls, clips and recordings
 * (Twilio mode), by part of the customer's name in any case or by exact id, newest first, bounded,
 * each with its agent, whether it is closed and whether it is on legal hold.
 */
import { SqlConversations } from '../../src/adapters/sql/sql-conversations';
import type { SqlEngine } from '../../src/adapters/sql/database';
import type { Clip } from '../../src/domain/clip';
import type { Escalation } from '../../src/domain/escalation';
import { openTwoConnections, type TwoConnections } from './support/two-connections';

const at = (day: number): string => new Date(Date.UTC(2026, 10, day, 9)).toISOString();

const escalation = (id: string, conversationId: string, createdAt: string, agentName: string): Escalation => ({
  id,
  conversationId,
  roomName: `esc-${id}`,
  roomSid: `RM${id}`,
  agentIdentity: agentName.toLowerCase(),
  agentName,
  customerIdentity: `customer:${id}`,
  linkId: `link-${id}`,
  linkExpiresAt: at(30),
  recording: true,
  status: 'ended',
  createdAt,
});

const clip = (id: string, conversationId: string, createdAt: string, agentName: string): Clip => ({
  id,
  conversationId,
  authorRole: 'agent',
  authorIdentity: `agent:${agentName.toLowerCase()}`,
  authorName: agentName,
  agentIdentity: agentName.toLowerCase(),
  agentName,
  take: 0,
  status: 'offered',
  recordedSeconds: 0,
  version: 1,
  createdAt,
  updatedAt: createdAt,
});

describe.each<SqlEngine>(['sqlite', 'postgres'])('conversation finder on %s', (engine) => {
  let opened: TwoConnections;
  beforeAll(async () => {
    opened = await openTwoConnections(engine, 'finder');
    const { store } = opened;
    const chatOn = (day: number) => new SqlConversations(store.db, engine, () => new Date(at(day)));
    // Local chats: two Jordans on different days, one without a name, one whose name has LIKE's wildcards.
    await chatOn(1).createConversation({ id: 'CHjordan1', friendlyName: 'Wi-Fi', attributes: { customerName: 'Jordan Lee' } });
    await chatOn(3).createConversation({ id: 'CHjordan2', friendlyName: 'Billing', attributes: { customerName: 'JORDAN Price' } });
    await chatOn(2).createConversation({ id: 'CHnameless', friendlyName: 'Anonymous chat', attributes: {} });
    await chatOn(4).createConversation({ id: 'CHpercent', friendlyName: 'Odd', attributes: { customerName: '100% Sam_J' } });
    await store.escalations.insert(escalation('e1', 'CHjordan1', at(1), 'Alex'));
    await store.escalations.insert(escalation('e2', 'CHjordan1', at(2), 'Robin'));
    // Known from its call and recording only (a Twilio conversation): named by the recording.
    await store.escalations.insert(escalation('e3', 'CHtwilio', at(5), 'Sam'));
    await store.library.upsert({
      recordingId: 'RE3', conversationId: 'CHtwilio', kind: 'call', agentIdentity: 'sam', agentName: 'Sam', customerName: 'Jordana Ruiz',
      endedAt: at(6), durationSeconds: 60, state: 'ready', hasTranscript: true,
    });
    // Known from a clip only, with no recording yet: no name, found by its id.
    await store.clips.insert(clip('c1', 'CHclip', at(7), 'Kim'));
    await store.privacy.close({ conversationId: 'CHjordan1', closedAt: at(8), closedBy: 'alex', source: 'console' });
    await store.privacy.setHold({ conversationId: 'CHtwilio', reason: 'dispute', setBy: 'sue', setAt: at(8) });
  }, 60_000);
  afterAll(() => opened?.close());

  const find = (query: string, limit = 20) => opened.other.privacy.findConversations({ query, limit });

  it('by part of the customer name, in any case, newest first, across local chats and conversations known from their calls', async () => {
    expect(await find('jorDAN')).toEqual([
      { conversationId: 'CHtwilio', customerName: 'Jordana Ruiz', agentName: 'Sam', startedAt: at(5), closed: false, onHold: true },
      { conversationId: 'CHjordan2', customerName: 'JORDAN Price', agentName: null, startedAt: at(3), closed: false, onHold: false },
      { conversationId: 'CHjordan1', customerName: 'Jordan Lee', agentName: 'Robin', startedAt: at(1), closed: true, onHold: false },
    ]);
    expect((await find(' lee ')).map((c) => c.conversationId)).toEqual(['CHjordan1']);
  });

  it('bounded: the newest `limit` of both sources together', async () => {
    expect((await find('jordan', 2)).map((c) => c.conversationId)).toEqual(['CHtwilio', 'CHjordan2']);
    expect((await find('jordan', 1)).map((c) => c.conversationId)).toEqual(['CHtwilio']);
  });

  it('by exact id: a chat without a name, a conversation known only from a clip; part of an id finds nothing', async () => {
    expect(await find('CHnameless')).toEqual([
      { conversationId: 'CHnameless', customerName: 'Customer', agentName: null, startedAt: at(2), closed: false, onHold: false },
    ]);
    expect(await find('CHclip')).toEqual([{ conversationId: 'CHclip', customerName: 'Customer', agentName: 'Kim', startedAt: at(7), closed: false, onHold: false }]);
    expect(await find('CHjordan')).toEqual([]);
  });

  it("LIKE's wildcards in the query are taken literally; nothing found is an empty list", async () => {
    expect((await find('100%')).map((c) => c.conversationId)).toEqual(['CHpercent']);
    expect((await find('m_j')).map((c) => c.conversationId)).toEqual(['CHpercent']);
    expect(await find('%')).toHaveLength(1);
    expect(await find('_')).toHaveLength(1);
    expect(await find('nobody by that name')).toEqual([]);
    expect(await find('   ')).toEqual([]);
  });
});
