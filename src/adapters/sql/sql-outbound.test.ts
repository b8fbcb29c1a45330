import { openDb, type Db } from '../local/db';
import { openSqliteStore, type SqlStore } from './database';
import { SqlOutbound } from './sql-outbound';

/** The outbound queue, log and endpoints on the embedded engine. */
describe('SqlOutbound', () => {
  let db: Db;
  let store: SqlStore;
  let outbound: SqlOutbound;
  const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
  const delivery = (eventId: string, endpointId = 'crm') => ({ eventId, endpointId, type: 'call.ended' as const, conversationId: 'CH1', body: `{"id":"${eventId}"}` });

  beforeEach(async () => {
    db = openDb(':memory:');
    store = await openSqliteStore(db);
    outbound = new SqlOutbound(store.db);
  });
  afterEach(async () => {
    await store.close();
    db.close();
  });

  it('queues each event × endpoint once, however often it is published', async () => {
    expect(await outbound.enqueue([delivery('e1'), delivery('e1', 'bi')], t(0))).toBe(2);
    expect(await outbound.enqueue([delivery('e1'), delivery('e2')], t(1))).toBe(1);
    expect(await outbound.enqueue([], t(1))).toBe(0);
    const log = await outbound.listDeliveries({ limit: 10 });
    expect(log.map((d) => `${d.eventId}/${d.endpointId}`)).toEqual(['e2/crm', 'e1/bi', 'e1/crm']);
    expect(log[2]).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: t(0), lastStatus: null, lastError: null, deliveredAt: null, createdAt: t(0) });
  });

  it('gives each due delivery to one claimer, counts the attempt, and takes over an expired lease', async () => {
    await outbound.enqueue([delivery('e1'), delivery('e2')], t(0));
    const [a, b] = await Promise.all([outbound.claimDue('w1', t(1), t(31), 10), outbound.claimDue('w2', t(1), t(31), 10)]);
    const all = [...a, ...b];
    expect(all.map((d) => d.eventId).sort()).toEqual(['e1', 'e2']);
    expect(all.every((d) => d.attempts === 1)).toBe(true);
    expect(await outbound.claimDue('w3', t(2), t(32), 10)).toEqual([]);
    // w1 and w2 died: after their lease another sender takes the rows, attempt 2.
    const again = await outbound.claimDue('w3', t(32), t(62), 10);
    expect(again.map((d) => [d.eventId, d.attempts])).toEqual([
      ['e1', 2],
      ['e2', 2],
    ]);
    // The dead senders' late answers change nothing.
    expect(await outbound.markDelivered('e1', 'crm', 'w1', 200, t(33))).toBe(false);
    expect(await outbound.markDelivered('e1', 'crm', 'w3', 204, t(33))).toBe(true);
    expect(await outbound.get('e1', 'crm')).toMatchObject({ state: 'delivered', lastStatus: 204, deliveredAt: t(33), attempts: 2 });
    expect(await outbound.markDelivered('e1', 'crm', 'w3', 200, t(34))).toBe(false);
  });

  it('waits for the next attempt after a failure, and gives up for good', async () => {
    await outbound.enqueue([delivery('e1')], t(0));
    await outbound.claimDue('w1', t(0), t(30), 10);
    expect(await outbound.markFailedAttempt('e1', 'crm', 'w1', { status: 500, error: 'HTTP 500', nextAttemptAt: t(10) }, t(1))).toBe(true);
    expect(await outbound.get('e1', 'crm')).toMatchObject({ state: 'pending', nextAttemptAt: t(10), lastStatus: 500, lastError: 'HTTP 500' });
    expect(await outbound.claimDue('w1', t(9), t(39), 10)).toEqual([]);
    expect(await outbound.claimDue('w1', t(10), t(40), 10)).toHaveLength(1);
    expect(await outbound.markFailedAttempt('e1', 'crm', 'w1', { status: null, error: 'timeout', nextAttemptAt: null }, t(11))).toBe(true);
    expect(await outbound.get('e1', 'crm')).toMatchObject({ state: 'failed', attempts: 2, lastStatus: null, lastError: 'timeout' });
    expect(await outbound.claimDue('w1', t(99), t(129), 10)).toEqual([]);
  });

  it('filters the log and bounds it, newest first', async () => {
    await outbound.enqueue([delivery('e1')], t(0));
    await outbound.enqueue([{ ...delivery('e2'), type: 'csat.received', conversationId: 'CH2' }], t(1));
    await outbound.enqueue([delivery('e3', 'bi')], t(2));
    expect((await outbound.listDeliveries({ limit: 2 })).map((d) => d.eventId)).toEqual(['e3', 'e2']);
    expect((await outbound.listDeliveries({ limit: 10, conversationId: 'CH2' })).map((d) => d.eventId)).toEqual(['e2']);
    expect((await outbound.listDeliveries({ limit: 10, type: 'call.ended' })).map((d) => d.eventId)).toEqual(['e3', 'e1']);
    expect((await outbound.listDeliveries({ limit: 10, endpointId: 'bi' })).map((d) => d.eventId)).toEqual(['e3']);
    expect((await outbound.listDeliveries({ limit: 10, eventId: 'e1' })).map((d) => d.eventId)).toEqual(['e1']);
    expect(await outbound.listDeliveries({ limit: 10, state: 'delivered' })).toEqual([]);
  });

  it('keeps endpoints: add once per id, update, remove', async () => {
    const endpoint = { id: 'crm', url: 'https://crm.example.com/in', secret: 's'.repeat(32), types: ['call.ended' as const], enabled: true };
    expect(await outbound.addEndpoint(endpoint, 'admin-1', t(0))).toBe(true);
    expect(await outbound.addEndpoint({ ...endpoint, url: 'https://other.example.com' }, 'admin-2', t(1))).toBe(false);
    expect(await outbound.getEndpoint('crm')).toEqual({ ...endpoint, createdBy: 'admin-1', createdAt: t(0), updatedAt: t(0) });
    expect(await outbound.updateEndpoint('crm', { enabled: false, secret: 'n'.repeat(32), previousSecret: 's'.repeat(32) }, t(2))).toBe(true);
    expect(await outbound.getEndpoint('crm')).toMatchObject({ enabled: false, secret: 'n'.repeat(32), previousSecret: 's'.repeat(32), updatedAt: t(2) });
    await outbound.updateEndpoint('crm', { previousSecret: null }, t(3));
    expect(await outbound.getEndpoint('crm')).not.toHaveProperty('previousSecret');
    expect(await outbound.updateEndpoint('nope', { enabled: true }, t(3))).toBe(false);
    await outbound.addEndpoint({ ...endpoint, id: 'all', types: 'all' }, 'admin-1', t(4));
    expect((await outbound.listEndpoints()).map((e) => [e.id, e.types])).toEqual([
      ['crm', ['call.ended']],
      ['all', 'all'],
    ]);
    expect(await outbound.removeEndpoint('crm')).toBe(true);
    expect(await outbound.removeEndpoint('crm')).toBe(false);
  });
});
