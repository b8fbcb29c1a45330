/**
 * The store lookups erasure on request relies on (#11), one contract on both engines: embedded
 * SQLite and a private PostgreSQL cluster. Identities have no column: the JSON LIKE must match
 * exactly, with LIKE's wildcards (`_`, `%`) taken literally.
 */
import type { SqlEngine, SqlStore } from '../../src/adapters/sql/database';
import type { Clip } from '../../src/domain/clip';
import type { Escalation } from '../../src/domain/escalation';
import { openTwoConnections, type TwoConnections } from './support/two-connections';

const at = (minute: number): string => new Date(Date.UTC(2026, 10, 21, 9, minute)).toISOString();

const escalation = (id: string, conversationId: string, customerIdentity: string, minute: number): Escalation => ({
  id, conversationId, roomName: `esc-${id}`, roomSid: '1', agentIdentity: 'alex', agentName: 'Alex', customerIdentity,
  linkId: `l-${id}`, linkExpiresAt: at(minute + 60), recording: true, status: 'ended', createdAt: at(minute),
});
const clip = (id: string, conversationId: string, authorIdentity: string, minute: number): Clip => ({
  id, conversationId, authorRole: 'customer', authorIdentity, authorName: 'Customer', agentIdentity: 'alex', agentName: 'Alex',
  take: 0, status: 'offered', recordedSeconds: 0, version: 0, createdAt: at(minute), updatedAt: at(minute),
});

describe.each<SqlEngine>(['sqlite', 'postgres'])('erasure lookups on %s', (engine) => {
  let opened: TwoConnections | undefined;
  const store = (): SqlStore => {
    if (!opened) throw new Error(`${engine} store did not open`);
    return opened.store;
  };
  beforeAll(async () => {
    opened = await openTwoConnections(engine, 'erasure-lookups');
    const s = store();
    await s.escalations.insert(escalation('e1', 'CH1', 'customer:a_b', 1));
    await s.escalations.insert(escalation('e2', 'CH1', 'customer:other', 2));
    await s.escalations.insert(escalation('e3', 'CH2', 'customer:aXb', 3));
    await s.clips.insert(clip('k1', 'CH1', 'customer:a_b', 4));
    await s.clips.insert(clip('k2', 'CH2', 'customer:a%', 5));
  }, 60_000);
  afterAll(async () => opened?.close(), 30_000);

  it("finds a conversation's escalations, oldest first", async () => {
    expect((await store().escalations.listByConversation('CH1')).map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(await store().escalations.listByConversation('CHnone')).toEqual([]);
  });

  it('finds escalations and clips by the customer identity, exactly (no wildcard matches)', async () => {
    expect((await store().escalations.findByCustomerIdentity('customer:a_b')).map((e) => e.id)).toEqual(['e1']);
    expect((await store().escalations.findByCustomerIdentity('customer:a%')).map((e) => e.id)).toEqual([]);
    expect((await store().escalations.findByCustomerIdentity('customer:a')).map((e) => e.id)).toEqual([]);
    expect((await store().clips.listByAuthorIdentity('customer:a_b')).map((c) => c.id)).toEqual(['k1']);
    expect((await store().clips.listByAuthorIdentity('customer:a%')).map((c) => c.id)).toEqual(['k2']);
    expect((await store().clips.listByAuthorIdentity('customer:aXb')).map((c) => c.id)).toEqual([]);
  });

  it("deletes one viewer's clip views of the given clips and keeps the rest", async () => {
    const view = (clipId: string, viewer: string) => ({ clipId, viewer, recordingId: 'RE1', conversationId: 'CH1', openedAt: at(1), furthestSeconds: 1, completed: false, lastEventAt: at(1) });
    for (const [c, v] of [['k1', 'customer'], ['k1', 'alex'], ['k2', 'customer'], ['k3', 'customer']]) await store().clipViews.record(view(c, v));
    expect(await store().clipViews.deleteViews(['k1', 'k2'], 'customer')).toBe(2);
    expect(await store().clipViews.deleteViews(['k1', 'k2'], 'customer')).toBe(0);
    expect(await store().clipViews.deleteViews([], 'customer')).toBe(0);
    expect((await store().clipViews.listByClip('k1')).map((v) => v.viewer)).toEqual(['alex']);
    expect((await store().clipViews.listByClip('k3')).map((v) => v.viewer)).toEqual(['customer']);
  });
});
