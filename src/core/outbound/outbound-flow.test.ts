import { openDb, type Db } from '../../adapters/local/db';
import { openSqliteStore, type SqlStore } from '../../adapters/sql/database';
import { SqlOutbound } from '../../adapters/sql/sql-outbound';
import type { OutboundEvent } from '../../domain/outbound-events';
import type { StaffIdentity } from '../../domain/identity';
import { deliverDue } from './deliver-outbound';
import { outboundDeliveryLog } from './delivery-log';
import { manageOutboundEndpoints } from './manage-endpoints';
import { nextAttemptAt, DEFAULT_OUTBOUND_RETRY, type OutboundDeps, type OutboundFetch } from './outbound-deps';
import { secretFingerprint } from './outbound-endpoints';
import { verifySignature } from './outbound-signature';
import { outboundBody, publishOutbound, QueueingOutboundPublisher } from './publish-outbound';

const admin: StaffIdentity = { identity: 'ada', name: 'Ada', roles: ['admin'] };
const supervisor: StaffIdentity = { identity: 'sue', name: 'Sue', roles: ['supervisor'] };
const agent: StaffIdentity = { identity: 'alex', name: 'Alex', roles: ['agent'] };
const envSecret = 'env-secret-0123456789abcdef0123456789';
const storedSecret = 'stored-secret-0123456789abcdef01234567';

const event = (id: string, type: OutboundEvent['type'] = 'call.ended'): OutboundEvent => ({
  id,
  type,
  occurredAt: '2026-11-21T09:59:00.000Z',
  conversationId: 'CH1',
  data: { callId: 'esc-1', durationSeconds: 42 },
});

describe('outbound events: publish, deliver, manage, log', () => {
  let db: Db;
  let sql: SqlStore;
  let now: Date;
  let answers: Array<number | 'timeout' | 'refused'>;
  let posts: Array<{ url: string; headers: Record<string, string>; body: string }>;
  let deps: OutboundDeps;
  const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

  beforeEach(async () => {
    db = openDb(':memory:');
    sql = await openSqliteStore(db);
    now = new Date('2026-11-21T10:00:00Z');
    answers = [];
    posts = [];
    const fakeFetch: OutboundFetch = async (url, init) => {
      posts.push({ url, headers: init.headers, body: init.body });
      const answer = answers.shift() ?? 200;
      if (answer === 'timeout') throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
      if (answer === 'refused') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      return { status: answer, body: null };
    };
    deps = {
      store: new SqlOutbound(sql.db),
      envEndpoints: [{ id: 'env-crm', url: 'https://crm.example.com/hook', secret: envSecret, types: ['call.ended', 'ticket.resolved'], enabled: true }],
      allowLocalHttp: false,
      clock: { now: () => now },
      fetch: fakeFetch,
    };
  });
  afterEach(async () => {
    await sql.close();
    db.close();
  });

  it('queues an event only for the endpoints that want its type, once however often it is published', async () => {
    await manageOutboundEndpoints(deps, admin, { action: 'add', id: 'bi', url: 'https://bi.example.com/in', secret: storedSecret, types: ['csat.received'] });
    expect(await publishOutbound(deps, event('call.ended:esc-1'))).toBe(1);
    expect(await publishOutbound(deps, event('call.ended:esc-1'))).toBe(0);
    await new QueueingOutboundPublisher(deps).publish(event('csat.received:CH1', 'csat.received'));
    expect(await publishOutbound(deps, event('clip.sent:CL1', 'clip.sent'))).toBe(0);
    const log = await deps.store.listDeliveries({ limit: 10 });
    expect(log.map((d) => [d.eventId, d.endpointId])).toEqual([
      ['csat.received:CH1', 'bi'],
      ['call.ended:esc-1', 'env-crm'],
    ]);
    expect(log[1].body).toBe(outboundBody(event('call.ended:esc-1')));
  });

  it('posts signed, keyed requests and retries on the backoff schedule until 2xx', async () => {
    await publishOutbound(deps, event('call.ended:esc-1'));
    answers = [500, 'timeout', 'refused', 204];
    const reports = [];
    reports.push(await deliverDue(deps, now));
    for (const wait of [10, 30, 120]) {
      advance(wait - 1);
      expect(await deliverDue(deps, now)).toEqual({ delivered: 0, retrying: 0, failed: 0, more: false });
      advance(1);
      reports.push(await deliverDue(deps, now));
    }
    expect(reports.map((r) => [r.delivered, r.retrying])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
      [1, 0],
    ]);
    expect(posts).toHaveLength(4);
    for (const [i, post] of posts.entries()) {
      expect(post.url).toBe('https://crm.example.com/hook');
      expect(post.headers).toMatchObject({
        'Content-Type': 'application/json',
        'X-Video-Escalation-Event-Id': 'call.ended:esc-1',
        'X-Video-Escalation-Event-Type': 'call.ended',
        'X-Video-Escalation-Attempt': String(i + 1),
      });
      expect(post.body).toBe(outboundBody(event('call.ended:esc-1')));
      expect(verifySignature(post.headers['X-Video-Escalation-Signature'], post.body, [envSecret], now).ok).toBe(true);
    }
    const [row] = (await outboundDeliveryLog(deps, supervisor, {})).deliveries;
    expect(row).toMatchObject({ state: 'delivered', attempts: 4, lastStatus: 204, lastError: null, nextAttemptAt: null, deliveredAt: now.toISOString() });
  });

  it('records why each attempt failed, in its own words, and gives up after the last attempt', async () => {
    deps.retry = { maxAttempts: 3, backoffSeconds: [5] };
    await publishOutbound(deps, event('call.ended:esc-1'));
    answers = [503, 'refused', 'timeout'];
    await deliverDue(deps, now);
    expect((await deps.store.get('call.ended:esc-1', 'env-crm'))?.lastError).toBe('HTTP 503');
    advance(5);
    await deliverDue(deps, now);
    expect(await deps.store.get('call.ended:esc-1', 'env-crm')).toMatchObject({ lastError: 'network error (ECONNREFUSED)', lastStatus: null, state: 'pending' });
    advance(5);
    expect(await deliverDue(deps, now)).toEqual({ delivered: 0, retrying: 0, failed: 1, more: false });
    expect(await deps.store.get('call.ended:esc-1', 'env-crm')).toMatchObject({ state: 'failed', attempts: 3, lastError: 'timeout' });
    advance(3600);
    await deliverDue(deps, now);
    expect(posts).toHaveLength(3);
  });

  it('stops claiming at its time budget (after one batch at least) and says there is more', async () => {
    await publishOutbound(deps, event('call.ended:esc-1'));
    await publishOutbound(deps, event('call.ended:esc-2'));
    expect(await deliverDue(deps, now, { batch: 1, budgetMs: 0 })).toEqual({ delivered: 1, retrying: 0, failed: 0, more: true });
    expect(await deliverDue(deps, now, { batch: 1, budgetMs: 0 })).toEqual({ delivered: 1, retrying: 0, failed: 0, more: true });
    expect(await deliverDue(deps, now, { batch: 1, budgetMs: 0 })).toEqual({ delivered: 0, retrying: 0, failed: 0, more: false });
    expect(posts.map((p) => p.headers['X-Video-Escalation-Event-Id'])).toEqual(['call.ended:esc-1', 'call.ended:esc-2']);
  });

  it('the default schedule: 10 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h, then gives up at attempt 8', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => {
      const next = nextAttemptAt(DEFAULT_OUTBOUND_RETRY, n, now);
      return next ? (next.getTime() - now.getTime()) / 1000 : null;
    });
    expect(waits).toEqual([10, 30, 120, 600, 3600, 3 * 3600, 6 * 3600, null]);
  });

  it('fails pending deliveries of a disabled or removed endpoint instead of posting them', async () => {
    await manageOutboundEndpoints(deps, admin, { action: 'add', id: 'bi', url: 'https://bi.example.com/in', secret: storedSecret });
    await publishOutbound(deps, event('clip.sent:CL1', 'clip.sent'));
    await publishOutbound(deps, event('clip.sent:CL2', 'clip.sent'));
    await manageOutboundEndpoints(deps, admin, { action: 'disable', id: 'bi' });
    await deliverDue(deps, now);
    expect(posts).toEqual([]);
    expect(await deps.store.get('clip.sent:CL1', 'bi')).toMatchObject({ state: 'failed', lastError: 'endpoint disabled' });
    await manageOutboundEndpoints(deps, admin, { action: 'enable', id: 'bi' });
    await publishOutbound(deps, event('clip.sent:CL3', 'clip.sent'));
    await manageOutboundEndpoints(deps, admin, { action: 'remove', id: 'bi' });
    await deliverDue(deps, now);
    expect(await deps.store.get('clip.sent:CL3', 'bi')).toMatchObject({ state: 'failed', lastError: 'endpoint removed' });
    expect(posts).toEqual([]);
  });

  it('signs with both secrets while a stored endpoint rotates, then with the new one only', async () => {
    const next = 'rotated-secret-0123456789abcdef0123456';
    await manageOutboundEndpoints(deps, admin, { action: 'add', id: 'bi', url: 'https://bi.example.com/in', secret: storedSecret, types: ['clip.sent'] });
    const rotating = await manageOutboundEndpoints(deps, admin, { action: 'rotate', id: 'bi', secret: next });
    expect(rotating.endpoints.find((e) => e.id === 'bi')).toMatchObject({ secretFingerprint: secretFingerprint(next), previousSecretFingerprint: secretFingerprint(storedSecret) });
    await publishOutbound(deps, event('clip.sent:CL1', 'clip.sent'));
    await deliverDue(deps, now);
    const header = posts[0].headers['X-Video-Escalation-Signature'];
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(header, posts[0].body, [storedSecret], now).ok).toBe(true);
    expect(verifySignature(header, posts[0].body, [next], now).ok).toBe(true);
    await manageOutboundEndpoints(deps, admin, { action: 'end-rotation', id: 'bi' });
    await publishOutbound(deps, event('clip.sent:CL2', 'clip.sent'));
    await deliverDue(deps, now);
    expect(verifySignature(posts[1].headers['X-Video-Escalation-Signature'], posts[1].body, [storedSecret], now).ok).toBe(false);
    expect(verifySignature(posts[1].headers['X-Video-Escalation-Signature'], posts[1].body, [next], now).ok).toBe(true);
  });

  it('admins manage stored endpoints; the environment’s are listed read-only; secrets never come back', async () => {
    const added = await manageOutboundEndpoints(deps, admin, { action: 'add', id: 'bi', url: 'https://bi.example.com/in', secret: storedSecret });
    expect(added.endpoints).toEqual([
      { id: 'env-crm', url: 'https://crm.example.com/hook', types: ['call.ended', 'ticket.resolved'], enabled: true, source: 'environment', secretFingerprint: secretFingerprint(envSecret) },
      { id: 'bi', url: 'https://bi.example.com/in', types: 'all', enabled: true, source: 'store', secretFingerprint: secretFingerprint(storedSecret), createdAt: now.toISOString(), createdBy: 'ada' },
    ]);
    expect(JSON.stringify(added)).not.toContain(storedSecret);
    expect(JSON.stringify(added)).not.toContain(envSecret);

    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { kind: string; code: string }) => [e.kind, e.code]);
    expect(await refusal(manageOutboundEndpoints(deps, supervisor, { action: 'list' }))).toEqual(['forbidden', 'role_required']);
    expect(await refusal(manageOutboundEndpoints(deps, admin, { action: 'add', id: 'bi', url: 'https://x.example', secret: storedSecret }))).toEqual(['conflict', 'invalid_request']);
    expect(await refusal(manageOutboundEndpoints(deps, admin, { action: 'add', id: 'env-crm', url: 'https://x.example', secret: storedSecret }))).toEqual(['conflict', 'invalid_request']);
    expect(await refusal(manageOutboundEndpoints(deps, admin, { action: 'add', id: 'x', url: 'http://127.0.0.1:9/in', secret: storedSecret }))).toEqual(['invalid_request', 'invalid_request']);
    expect(await refusal(manageOutboundEndpoints(deps, admin, { action: 'add', id: 'x', url: 'https://x.example', secret: 'short' }))).toEqual(['invalid_request', 'invalid_request']);
    expect(await refusal(manageOutboundEndpoints(deps, admin, { action: 'disable', id: 'env-crm' }))).toEqual(['forbidden', 'not_allowed']);
    expect(await refusal(manageOutboundEndpoints(deps, admin, { action: 'remove', id: 'nope' }))).toEqual(['not_found', 'not_found']);
    expect(await refusal(manageOutboundEndpoints(deps, admin, { action: 'rotate', id: 'bi', secret: storedSecret }))).toEqual(['invalid_request', 'invalid_request']);

    // Local mode takes http to this machine.
    const local = await manageOutboundEndpoints({ ...deps, allowLocalHttp: true }, admin, { action: 'add', id: 'local', url: 'http://127.0.0.1:9/in', secret: storedSecret });
    expect(local.endpoints.map((e) => e.id)).toEqual(['env-crm', 'bi', 'local']);
  });

  it('the delivery log is for supervisors and admins, filtered and bounded', async () => {
    await publishOutbound(deps, event('call.ended:esc-1'));
    await publishOutbound(deps, event('ticket.resolved:CH1', 'ticket.resolved'));
    expect((await outboundDeliveryLog(deps, admin, { type: 'ticket.resolved' })).deliveries.map((d) => d.eventId)).toEqual(['ticket.resolved:CH1']);
    expect((await outboundDeliveryLog(deps, supervisor, { limit: 1 })).deliveries).toHaveLength(1);
    const pending = (await outboundDeliveryLog(deps, supervisor, { state: 'pending' })).deliveries[0];
    expect(pending).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: now.toISOString() });
    expect(pending).not.toHaveProperty('body');
    await expect(outboundDeliveryLog(deps, agent, {})).rejects.toMatchObject({ kind: 'forbidden', code: 'supervisor_required' });
  });
});
