import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SqlOutbound } from '../../src/adapters/sql/sql-outbound';
import { verifySignature } from '../../examples/crm-receiver/receiver';
import { deliverDue } from '../../src/core/outbound/deliver-outbound';
import { outboundDeliveryLog } from '../../src/core/outbound/delivery-log';
import { manageOutboundEndpoints } from '../../src/core/outbound/manage-endpoints';
import type { OutboundDeps } from '../../src/core/outbound/outbound-deps';
import { QueueingOutboundPublisher } from '../../src/core/outbound/publish-outbound';
import type { OutboundEvent } from '../../src/domain/outbound-events';
import type { SqlStore } from '../../src/adapters/sql/database';
import type { SqlEngine } from '../../src/adapters/sql/database';
import { openTwoConnections, type TwoConnections } from '../contract/support/two-connections';

/**
 * Outbound delivery end to end over real HTTP and a real store opened by two connections (two
 * senders, as two scheduler calls or processes could be), on SQLite and on PostgreSQL: a receiver that fails twice and then
 * succeeds gets each event exactly once by its key, every request's signature verifies with the
 * CRM receiver example's verifier, the log tells the story, and an endpoint that does not want a
 * type gets nothing.
 */
jest.setTimeout(60_000);

const crmSecret = 'crm-endpoint-secret-0123456789abcdef012';
const biSecret = 'bi-endpoint-secret-0123456789abcdef01234';
const admin = { identity: 'ada', name: 'Ada', roles: ['admin' as const] };

interface Received {
  eventId: string;
  headerEventId: string;
  signature: string;
  raw: Buffer;
  /** The fake clock when it arrived (the verifier's "now"). */
  at: number;
  status: number;
}

/** A receiver on 127.0.0.1 whose `answer` decides each request's fate; it records everything. */
async function startReceiver(answer: (eventId: string, seenBefore: number, res: ServerResponse) => number | 'late') {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const eventId = (JSON.parse(raw.toString('utf8')) as OutboundEvent).id;
      const seenBefore = received.filter((r) => r.eventId === eventId).length;
      const fate = answer(eventId, seenBefore, res);
      const status = fate === 'late' ? 200 : fate;
      received.push({ eventId, headerEventId: String(req.headers['x-video-escalation-event-id']), signature: String(req.headers['x-video-escalation-signature']), raw, at: clockSeconds(), status });
      if (fate !== 'late') res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/video`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let now: Date;
const clockSeconds = () => now.getTime() / 1000;
const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
let sql: TwoConnections;
let closers: Array<() => Promise<void>>;

const depsOver = (store: SqlStore, envUrl: string, timeoutMs = 5000): OutboundDeps => ({
  store: new SqlOutbound(store.db),
  envEndpoints: [{ id: 'crm', url: envUrl, secret: crmSecret, types: ['call.ended', 'clip.sent', 'ticket.resolved'], enabled: true }],
  allowLocalHttp: true,
  clock: { now: () => now },
  retry: { timeoutMs },
});

const event = (id: string, type: OutboundEvent['type'], data: OutboundEvent['data']): OutboundEvent => ({ id, type, occurredAt: '2026-11-21T09:59:00.000Z', conversationId: 'CH1', data });

describe.each<SqlEngine>(['sqlite', 'postgres'])('on %s', (engine) => {
  beforeEach(async () => {
    now = new Date('2026-11-21T10:00:00Z');
    closers = [];
    sql = await openTwoConnections(engine, 'outbound');
  });
  afterEach(async () => {
    for (const close of closers) await close();
    await sql.close();
  });

  it('a receiver that fails twice then succeeds gets each event exactly once by its key, signed, and the log shows the attempts', async () => {
    const crm = await startReceiver((_id, seenBefore) => (seenBefore < 2 ? 500 : 200));
    const bi = await startReceiver(() => 200);
    closers.push(crm.close, bi.close);
    const a = depsOver(sql.store, crm.url);
    const b = depsOver(sql.other, crm.url);
    // A stored endpoint that wants only CSAT: none of these events is for it.
    await manageOutboundEndpoints(a, admin, { action: 'add', id: 'bi', url: bi.url, secret: biSecret, types: ['csat.received'] });

    const publisher = new QueueingOutboundPublisher(a);
    const ended = event('call.ended:esc-1', 'call.ended', { callId: 'esc-1', durationSeconds: 95 });
    await publisher.publish(ended);
    advance(1);
    await publisher.publish(event('clip.sent:CL1', 'clip.sent', { clipId: 'CL1', author: 'customer', durationSeconds: 30 }));
    await new QueueingOutboundPublisher(b).publish(ended); // the same fact again, from the other process
    advance(1);
    await publisher.publish(event('ticket.resolved:CH1:1', 'ticket.resolved', { resolution: 1, source: 'agent', disposition: null, resolvedBy: 'alex' }));

    // Two senders at every step: each due delivery is posted by one of them.
    const deliverBoth = () => Promise.all([deliverDue(a, now), deliverDue(b, now)]);
    await deliverBoth();
    expect(crm.received.map((r) => r.status)).toEqual([500, 500, 500]);
    advance(9); // the first backoff (10 s) has not passed
    await deliverBoth();
    expect(crm.received).toHaveLength(3);
    advance(1);
    await deliverBoth();
    expect(crm.received).toHaveLength(6);
    advance(29); // the second backoff (30 s) has not passed
    await deliverBoth();
    expect(crm.received).toHaveLength(6);
    advance(1);
    const last = await deliverBoth();
    expect(last.reduce((n, r) => n + r.delivered, 0)).toBe(3);
    advance(3600);
    await deliverBoth();

    // Exactly once by key: three events, each accepted (2xx) once, after two refusals each.
    const ids = ['call.ended:esc-1', 'clip.sent:CL1', 'ticket.resolved:CH1:1'];
    expect(crm.received).toHaveLength(9);
    for (const id of ids) {
      const requests = crm.received.filter((r) => r.eventId === id);
      expect(requests.map((r) => r.status)).toEqual([500, 500, 200]);
      // The same bytes every time, signed afresh.
      expect(new Set(requests.map((r) => r.raw.toString('utf8'))).size).toBe(1);
    }
    for (const r of crm.received) {
      expect(r.headerEventId).toBe(r.eventId);
      expect(verifySignature(r.raw, r.signature, [crmSecret], r.at)).toBe(true);
      expect(verifySignature(r.raw, r.signature, [biSecret], r.at)).toBe(false);
    }
    expect(bi.received).toEqual([]);

    const log = (await outboundDeliveryLog(a, admin, {})).deliveries;
    expect(log.map((d) => d.eventId)).toEqual([...ids].reverse());
    expect(log.find((d) => d.eventId === 'call.ended:esc-1')).toMatchObject({ endpointId: 'crm', state: 'delivered', attempts: 3, lastStatus: 200, lastError: null, nextAttemptAt: null });
    expect(log.every((d) => d.state === 'delivered' && d.attempts === 3 && d.endpointId === 'crm')).toBe(true);
  });

  it('an answer lost after the receiver took the event: the retry carries the same key and is recognised as a repeat', async () => {
    const accepted = new Set<string>();
    const processed: string[] = [];
    const crm = await startReceiver((id, _seenBefore, res) => {
      if (accepted.has(id)) return 200; // a repeat: answered, not processed again
      accepted.add(id);
      processed.push(id);
      // Processed, but the answer comes after the sender's timeout (a slow CRM, a dropped connection).
      setTimeout(() => res.writeHead(200).end(), 600);
      return 'late';
    });
    closers.push(crm.close);
    const deps = depsOver(sql.store, crm.url, 200);
    await new QueueingOutboundPublisher(deps).publish(event('ticket.resolved:CH1:1', 'ticket.resolved', { resolution: 1, source: 'agent', disposition: null, resolvedBy: 'alex' }));

    expect(await deliverDue(deps, now)).toMatchObject({ delivered: 0, retrying: 1 });
    expect((await deps.store.get('ticket.resolved:CH1:1', 'crm'))?.lastError).toBe('timeout');
    advance(10);
    expect(await deliverDue(deps, now)).toMatchObject({ delivered: 1 });
    expect(crm.received.map((r) => r.eventId)).toEqual(['ticket.resolved:CH1:1', 'ticket.resolved:CH1:1']);
    expect(processed).toEqual(['ticket.resolved:CH1:1']);
    expect(await deps.store.get('ticket.resolved:CH1:1', 'crm')).toMatchObject({ state: 'delivered', attempts: 2 });
  });
});
