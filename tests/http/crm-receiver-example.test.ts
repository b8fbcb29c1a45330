import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createReceiver, hubspotEngagement, salesforceTask, type OutboundEvent } from '../../examples/crm-receiver/receiver';
import { signatureHeader } from '../../src/core/outbound/outbound-signature';
import { outboundBody } from '../../src/core/outbound/publish-outbound';
import { OUTBOUND_EVENT_TYPES } from '../../src/domain/outbound-events';

/**
 * The CRM receiver example (examples/crm-receiver) against requests signed the way the product
 * signs them: a good signature is taken and mapped once, a forged, tampered or stale one gets 401,
 * and a repeat of the same event id is answered 200 but not mapped again.
 */
const secret = 'crm-endpoint-secret-0123456789abcdef012';
const at = new Date('2026-11-21T10:00:00Z');
let now = at.getTime() / 1000;
let logged: Array<{ event: string; salesforceTask: Record<string, unknown>; hubspot: { object: string; properties: Record<string, unknown> } }>;
let server: Server;
let url: string;

const callEnded: OutboundEvent = {
  id: 'call.ended:esc-1',
  type: 'call.ended',
  occurredAt: '2026-11-21T09:58:00.000Z',
  conversationId: 'CH1',
  data: { callId: 'esc-1', durationSeconds: 95 },
};

const post = async (body: string, signature?: string) => {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(signature ? { 'X-Video-Escalation-Signature': signature } : {}) }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeEach(async () => {
  now = at.getTime() / 1000;
  logged = [];
  server = createReceiver({ secrets: [secret], now: () => now, log: (line) => logged.push(JSON.parse(line)) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/video`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('accepts a valid signature and prints the Salesforce Task and HubSpot call it would write', async () => {
  const body = outboundBody(callEnded);
  expect(await post(body, signatureHeader([secret], body, at))).toEqual({ status: 200, body: { ok: true } });
  expect(logged).toHaveLength(1);
  expect(logged[0].salesforceTask).toMatchObject({
    Subject: 'Video call',
    TaskSubtype: 'Call',
    Status: 'Completed',
    ActivityDate: '2026-11-21',
    CallDurationInSeconds: 95,
    Video_Escalation_Event_Id__c: 'call.ended:esc-1',
  });
  expect(logged[0].hubspot).toMatchObject({ object: 'calls', properties: { hs_timestamp: callEnded.occurredAt, hs_call_duration: 95_000, hs_call_title: 'Video call' } });
});

it('refuses a forged signature, a tampered body and a missing header with 401', async () => {
  const body = outboundBody(callEnded);
  expect((await post(body, signatureHeader(['someone-elses-secret-0123456789abcdef'], body, at))).status).toBe(401);
  expect((await post(body.replace('95', '9500'), signatureHeader([secret], body, at))).status).toBe(401);
  expect((await post(body, `t=${now},v1=${'0'.repeat(64)}`)).status).toBe(401);
  expect((await post(body)).status).toBe(401);
  expect(logged).toEqual([]);
});

it('refuses a stale timestamp (a replay) with 401, though the signature itself is genuine', async () => {
  const body = outboundBody(callEnded);
  const signature = signatureHeader([secret], body, at);
  now += 301;
  expect(await post(body, signature)).toEqual({ status: 401, body: { error: 'bad or stale signature' } });
  now -= 2;
  expect((await post(body, signature)).status).toBe(200);
});

it('ignores a repeat by event id: 200 again, mapped once', async () => {
  const body = outboundBody(callEnded);
  expect((await post(body, signatureHeader([secret], body, at))).body).toEqual({ ok: true });
  now += 10;
  expect(await post(body, signatureHeader([secret], body, new Date(at.getTime() + 10_000)))).toEqual({ status: 200, body: { duplicate: true } });
  expect(logged.map((l) => l.event)).toEqual(['call.ended:esc-1']);
});

it('verifies during a rotation with either secret', async () => {
  const old = 'crm-endpoint-secret-OLD-456789abcdef0123';
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server = createReceiver({ secrets: [old], now: () => now, log: (line) => logged.push(JSON.parse(line)) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const body = outboundBody(callEnded);
  expect((await post(body, signatureHeader([secret, old], body, at))).status).toBe(200);
});

it('maps every event type to a Task subject and a HubSpot engagement', () => {
  const data: Record<OutboundEvent['type'], OutboundEvent['data']> = {
    'call.ended': { callId: 'esc-1', durationSeconds: 95 },
    'recording.ready': { recordingId: 'RE1', kind: 'call', durationSeconds: 95, transcript: true },
    'clip.sent': { clipId: 'CL1', author: 'customer', durationSeconds: 30 },
    'clip.watched': { clipId: 'CL1', viewer: 'agent', completed: true },
    'ticket.resolved': { resolution: 1, source: 'agent', disposition: null, resolvedBy: 'alex' },
    'csat.received': { score: 4, solved: true },
  };
  for (const type of OUTBOUND_EVENT_TYPES) {
    const event = { ...callEnded, id: `${type}:x`, type, data: data[type] };
    const task = salesforceTask(event);
    expect(task.Subject).toEqual(expect.any(String));
    expect(task.Description).not.toMatch(/undefined/);
    const hs = hubspotEngagement(event);
    expect(hs.object).toBe(type === 'call.ended' ? 'calls' : 'notes');
    expect(JSON.stringify(hs.properties)).not.toMatch(/undefined|NaN/);
  }
  expect(salesforceTask({ ...callEnded, type: 'csat.received', data: data['csat.received'] }).Description).toContain('CSAT 4/5; solved: yes.');
});
