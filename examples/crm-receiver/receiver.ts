/**
 * A tiny receiver for Video Escalation's signed outbound events, as a CRM integration would start
 * from it. Node only (no packages, nothing imported from the product): it verifies the signature
 * over the RAW body, refuses stale or forged requests with 401, drops repeats by event id, and
 * prints what it would write to Salesforce and HubSpot. It calls neither: the mapping is the point.
 *
 *   WEBHOOK_SECRET=<the endpoint's secret> PORT=8787 npx tsx examples/crm-receiver/receiver.ts
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface OutboundEvent {
  id: string;
  type: 'call.ended' | 'recording.ready' | 'clip.sent' | 'clip.watched' | 'ticket.resolved' | 'csat.received';
  occurredAt: string;
  conversationId: string;
  data: Record<string, string | number | boolean | null>;
}

/** Node lower-cases incoming header names. */
const SIGNATURE_HEADER = 'x-video-escalation-signature';
const MAX_BODY_BYTES = 64 * 1024;

/**
 * `X-Video-Escalation-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. True
 * when a v1 matches one of `secrets` (two during a rotation) and t is within the tolerance.
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, secrets: readonly string[], nowSeconds = Date.now() / 1000, toleranceSeconds = 300): boolean {
  const parts = (header ?? '').split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const given = parts.filter(([k, v]) => k === 'v1' && /^[0-9a-f]{64}$/.test(v ?? '')).map(([, v]) => Buffer.from(v, 'hex'));
  if (!Number.isInteger(t) || given.length === 0 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  return secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
    return given.some((sig) => timingSafeEqual(sig, expected));
  });
}

const day = (iso: string) => iso.slice(0, 10);
const text = (e: OutboundEvent): string => {
  const d = e.data;
  switch (e.type) {
    case 'call.ended':
      return `Video call ended after ${d.durationSeconds} s (call ${d.callId}).`;
    case 'recording.ready':
      return `Recording ${d.recordingId} of a ${d.kind} is ready (${d.durationSeconds ?? '?'} s, transcript: ${d.transcript ? 'yes' : 'no'}).`;
    case 'clip.sent':
      return `The ${d.author} sent a video clip (${d.durationSeconds} s, clip ${d.clipId}).`;
    case 'clip.watched':
      return `The ${d.viewer} watched clip ${d.clipId} to the end.`;
    case 'ticket.resolved':
      return `Resolved by ${d.resolvedBy} (${d.source}${d.disposition ? `, ${d.disposition}` : ''}); resolution #${d.resolution}.`;
    case 'csat.received':
      return `CSAT ${d.score}/5; solved: ${d.solved === null ? 'not answered' : d.solved ? 'yes' : 'no'}.`;
  }
};
const SUBJECTS: Record<OutboundEvent['type'], string> = {
  'call.ended': 'Video call',
  'recording.ready': 'Video recording ready',
  'clip.sent': 'Video clip sent',
  'clip.watched': 'Video clip watched',
  'ticket.resolved': 'Ticket resolved',
  'csat.received': 'CSAT received',
};

/**
 * A Salesforce Task (standard fields). WhoId (Contact or Lead) and WhatId (the Case) are yours to
 * look up by conversation id; an external-id field on Task makes the insert an idempotent upsert.
 */
export function salesforceTask(e: OutboundEvent): Record<string, string | number | null> {
  const isCall = e.type === 'call.ended';
  return {
    Subject: SUBJECTS[e.type],
    Description: `${text(e)} Conversation ${e.conversationId}.`,
    Status: 'Completed',
    Priority: 'Normal',
    ActivityDate: day(e.occurredAt),
    TaskSubtype: isCall ? 'Call' : 'Task',
    CallType: isCall ? 'Inbound' : null,
    CallDurationInSeconds: isCall ? Number(e.data.durationSeconds) : null,
    WhoId: `<Contact for ${e.conversationId}>`,
    WhatId: `<Case for ${e.conversationId}>`,
    Video_Escalation_Event_Id__c: e.id,
  };
}

/**
 * A HubSpot engagement: a call for `call.ended`, a note for the rest (CRM v3 objects `calls` and
 * `notes`). Associate it with the ticket and contact you keep for the conversation id.
 */
export function hubspotEngagement(e: OutboundEvent): { object: 'calls' | 'notes'; properties: Record<string, string | number>; associateWith: string } {
  const associateWith = `<ticket and contact for ${e.conversationId}>`;
  if (e.type === 'call.ended') {
    return {
      object: 'calls',
      properties: {
        hs_timestamp: e.occurredAt,
        hs_call_title: SUBJECTS[e.type],
        hs_call_body: text(e),
        hs_call_duration: Number(e.data.durationSeconds) * 1000, // HubSpot counts milliseconds
        hs_call_status: 'COMPLETED',
        hs_call_direction: 'INBOUND',
      },
      associateWith,
    };
  }
  return { object: 'notes', properties: { hs_timestamp: e.occurredAt, hs_note_body: `${SUBJECTS[e.type]}: ${text(e)}` }, associateWith };
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface ReceiverOptions {
  /** The endpoint's secret; during a rotation, both. */
  secrets: readonly string[];
  /** Where the mapped records go (default console.log). */
  log?: (line: string) => void;
  /** Unix seconds (tests move it). */
  now?: () => number;
  toleranceSeconds?: number;
}

/**
 * The receiver. A repeat (same event id: a retry whose first answer got lost) answers 200 again,
 * so the sender stops, but is not mapped twice. The id is read from the signed body, not from the
 * X-Video-Escalation-Event-Id header, which the signature does not cover. In memory here; a real
 * integration keeps the ids (or upserts by the external id) in its own store.
 */
export function createReceiver(options: ReceiverOptions): Server {
  const seen = new Set<string>();
  const log = options.log ?? ((line: string) => console.log(line));
  const reply = (res: ServerResponse, status: number, body: object) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  return createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST') return reply(res, 405, { error: 'POST only' });
      const raw = await readBody(req);
      if (!raw) return reply(res, 413, { error: 'too large' });
      const header = req.headers[SIGNATURE_HEADER];
      const now = options.now ? options.now() : Date.now() / 1000;
      if (!verifySignature(raw, typeof header === 'string' ? header : undefined, options.secrets, now, options.toleranceSeconds)) {
        return reply(res, 401, { error: 'bad or stale signature' });
      }
      const event = JSON.parse(raw.toString('utf8')) as OutboundEvent;
      if (seen.has(event.id)) return reply(res, 200, { duplicate: true });
      seen.add(event.id);
      log(JSON.stringify({ event: event.id, type: event.type, salesforceTask: salesforceTask(event), hubspot: hubspotEngagement(event) }));
      reply(res, 200, { ok: true });
    })().catch(() => reply(res, 400, { error: 'malformed' }));
  });
}

if (require.main === module) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) throw new Error('Set WEBHOOK_SECRET to the endpoint secret');
  const port = Number(process.env.PORT ?? 8787);
  createReceiver({ secrets: [secret] }).listen(port, '127.0.0.1', () => console.log(`CRM receiver on http://127.0.0.1:${port}`));
}
