import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalIdentity } from '../../src/adapters/local/local-identity';
import { recordingMessage } from '../../src/core/pipeline/text/recording-message';
import { CUSTOMER_VIEWER } from '../../src/domain/clip-views';
import type { Escalation } from '../../src/domain/escalation';
import { ERASED_TEXT } from '../../src/domain/privacy';
import type { PipelineJob, RecordingTranscript } from '../../src/domain/pipeline-job';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Erasure on request and storage usage over HTTP, against the real local stack (the Functions
 * under twilio-run on the stack's SQLite file and data folder). Finished recordings are seeded as
 * the pipeline leaves them (files on disk, job, message, library); the customer's clip link is
 * offered through the real Function, so its revocation is proven by the real clip Function.
 */
jest.setTimeout(90_000);

let stack: TestStack;
let sue: string;
let alex: string;

const tokenFor = (identity: string, roles: ('agent' | 'supervisor')[]) => {
  const secret = JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8')).localAgentSecret as string;
  return new LocalIdentity(secret).issue({ identity, name: identity, roles });
};
const erase = (token: string | undefined, body: Record<string, unknown>) => stack.post('/erase-customer', token ? { ...body, Token: token } : body);

interface Seeded {
  conversationId: string;
  escalation: Escalation;
  job: PipelineJob;
  files: string[];
  clipLink: string;
}

/** A conversation with a finished, recorded call (files on disk) and an offered customer clip link. */
async function customerWithCall(name: string, words: string, endedAt: string, sizes: number[]): Promise<Seeded> {
  const deps = stack.backend.deps;
  const conversationId = (await stack.backend.conversations.createConversation({ friendlyName: name, attributes: { customerName: name } })).id;
  const id = `e${Math.random().toString(36).slice(2, 10)}`;
  const escalation: Escalation = {
    id, conversationId, roomName: `esc-${id}`, roomSid: '1', agentIdentity: 'alex', agentName: 'Alex', customerIdentity: `customer:c${id}`,
    linkId: `l${id}`, linkExpiresAt: endedAt, recording: true, status: 'ended', createdAt: endedAt, endedAt, endedBy: 'alex',
  };
  await deps.escalations.insert(escalation);
  await deps.consents.record({ id: `k${id}`, escalationId: id, roomName: escalation.roomName, participantIdentity: escalation.customerIdentity, role: 'customer', noticeVersion: 'v1', noticeText: 'recorded', userAgent: 'test', consentedAt: endedAt });
  const transcript: RecordingTranscript = { engine: 'test', segments: [{ speaker: 'Customer', role: 'customer', participantIdentity: escalation.customerIdentity, start: 1, end: 4, text: words, words: [] }] };
  const job: PipelineJob = {
    roomName: escalation.roomName, roomSid: '1', conversationId, escalationId: id, recordingId: `RE${id}`, recording: true, endedAt, kind: 'call', state: 'attached',
    video: { compositionId: 'c1', status: 'ready', durationSeconds: 42 }, transcript, version: 1, createdAt: endedAt, updatedAt: endedAt,
  };
  await deps.pipeline.store.insertIfAbsent(job);
  const files = [join(stack.dataDir, 'recordings', job.roomName, 'rec-1-audio.mjr'), join(stack.dataDir, 'compositions', job.recordingId, 'video.mp4'), join(stack.dataDir, 'compositions', job.recordingId, 'speaker-1.wav')];
  files.forEach((f, i) => {
    mkdirSync(join(f, '..'), { recursive: true });
    writeFileSync(f, Buffer.alloc(sizes[i], 7));
  });
  await deps.pipeline.artifacts.write(job.recordingId, 'transcript.json', JSON.stringify(transcript));
  await deps.pipeline.artifacts.write(job.recordingId, 'captions.vtt', `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n${words}\n`);
  await stack.backend.conversations.postMessage(conversationId, { author: 'system', ...recordingMessage(job, transcript, 42, deps.pipeline.artifacts.urls(job.recordingId)) });
  await deps.pipeline.library?.upsert({ recordingId: job.recordingId, conversationId, kind: 'call', agentIdentity: 'alex', agentName: 'Alex', customerName: name, endedAt, durationSeconds: 42, state: 'ready', hasTranscript: true });
  await deps.pipeline.library?.replaceLines(job.recordingId, [{ start: 1, end: 4, speaker: 'Customer', text: words }]);
  const offered = await stack.post('/offer-clip', { conversationId, Token: alex });
  expect(offered.status).toBe(200);
  await deps.clipViews.record({ clipId: offered.body.clipId, viewer: CUSTOMER_VIEWER, recordingId: job.recordingId, conversationId, openedAt: endedAt, furthestSeconds: 2, completed: false, lastEventAt: endedAt });
  return { conversationId, escalation, job, files, clipLink: new URL(offered.body.url).hash.replace(/^#t=/, '') };
}

let jordan: Seeded;
let kim: Seeded;

beforeAll(async () => {
  stack = await startTestStack();
  sue = await tokenFor('sue', ['supervisor']);
  alex = await tokenFor('alex', ['agent']);
  jordan = await customerWithCall('Jordan', 'my card is under the keyboard', '2026-10-14T09:00:00.000Z', [1500, 4000, 2500]);
  kim = await customerWithCall('Kim', 'the invoice total looks wrong', '2026-11-02T09:00:00.000Z', [1000, 3000, 700]);
});
afterAll(async () => {
  await stack?.close();
});

describe('erase-customer', () => {
  it('refuses without a token (401), agents (403) and malformed requests (400)', async () => {
    expect((await erase(undefined, { conversationId: jordan.conversationId, dryRun: true })).status).toBe(401);
    const agent = await erase(alex, { conversationId: jordan.conversationId, dryRun: true });
    expect([agent.status, agent.body.error.code]).toEqual([403, 'supervisor_required']);
    for (const bad of [{}, { conversationId: jordan.conversationId, customerIdentity: jordan.escalation.customerIdentity }, { customerIdentity: 'jordan@example.com' }, { conversationId: '../x' }, { conversationId: jordan.conversationId, dryRun: 'maybe' }]) {
      const res = await erase(sue, bad);
      expect([res.status, res.body.error?.code, bad]).toEqual([400, 'invalid_request', bad]);
    }
    expect((await erase(sue, { customerIdentity: 'customer:nobody', dryRun: true })).status).toBe(404);
  });

  it('a conversation under legal hold: 409 naming the hold, and nothing counted or erased', async () => {
    await stack.backend.deps.privacy.setHold({ conversationId: jordan.conversationId, reason: 'Dispute 7', setBy: 'sue', setAt: new Date().toISOString() });
    const res = await erase(sue, { conversationId: jordan.conversationId, dryRun: false });
    expect([res.status, res.body.error.code]).toEqual([409, 'legal_hold']);
    expect(res.body.error.message).toContain('Dispute 7');
    expect(jordan.files.every((f) => existsSync(f))).toBe(true);
    await stack.backend.deps.privacy.liftHold(jordan.conversationId);
  });

  it('dry run counts, the real run erases exactly that, a second run finds nothing; the other customer is intact', async () => {
    const counts = { conversations: 1, recordings: 1, mediaFiles: 3, transcripts: 1, messages: 2, linkTokens: 2, clipViews: 1 };
    const dry = await erase(sue, { customerIdentity: jordan.escalation.customerIdentity, dryRun: true });
    expect([dry.status, dry.body]).toEqual([200, { dryRun: true, counts }]);
    expect(jordan.files.every((f) => existsSync(f))).toBe(true);
    expect((await stack.post('/clip', { action: 'check', linkToken: jordan.clipLink })).status).toBe(200);

    const real = await erase(sue, { customerIdentity: jordan.escalation.customerIdentity, dryRun: false });
    expect([real.status, real.body.counts]).toEqual([200, counts]);
    // Media gone from disk; captions and transcript gone; the message keeps no transcript text.
    expect(jordan.files.filter((f) => existsSync(f))).toEqual([]);
    expect(existsSync(join(stack.dataDir, 'compositions', jordan.job.recordingId, 'transcript.json'))).toBe(false);
    const messages = JSON.stringify(await stack.backend.conversations.listMessages(jordan.conversationId));
    expect(messages).not.toContain('keyboard');
    expect(messages).toContain(`video and transcript ${ERASED_TEXT}`);
    expect((await stack.post('/search-transcripts', { query: 'keyboard', Token: sue })).body.hits).toEqual([]);
    // The saved recording link stops opening; the consent record stays.
    const link = await stack.post('/clip', { action: 'check', linkToken: jordan.clipLink });
    expect([link.status, link.body.error.code]).toEqual([410, 'link_revoked']);
    expect(await stack.backend.deps.consents.listByEscalation(jordan.escalation.id)).toHaveLength(1);
    // One audit entry, counts only.
    const audit = await stack.post('/audit-log', { conversationId: jordan.conversationId, Token: sue });
    expect(audit.body.entries).toEqual([expect.objectContaining({ id: real.body.auditId, action: 'erasure.performed', actor: 'sue', subject: jordan.escalation.customerIdentity, details: expect.objectContaining(counts) })]);
    expect(JSON.stringify(audit.body)).not.toMatch(/keyboard|Jordan/);
    expect((await stack.post('/audit-log', { Token: alex })).status).toBe(403);

    const again = await erase(sue, { conversationId: jordan.conversationId, dryRun: false });
    expect(again.body).toEqual({ dryRun: false, counts: { conversations: 0, recordings: 0, mediaFiles: 0, transcripts: 0, messages: 0, linkTokens: 0, clipViews: 0 } });

    // Kim: files, transcript, message and link all as they were.
    expect(kim.files.every((f) => existsSync(f))).toBe(true);
    expect(await stack.backend.deps.pipeline.artifacts.read(kim.job.recordingId, 'transcript.json')).toContain('invoice total');
    expect(JSON.stringify(await stack.backend.conversations.listMessages(kim.conversationId))).toContain('the invoice total looks wrong');
    expect((await stack.post('/clip', { action: 'check', linkToken: kim.clipLink })).status).toBe(200);
  });
});

describe('storage-usage', () => {
  it('per month: recordings, the bytes the media store reports, and the cost at the configured price', async () => {
    expect((await stack.post('/storage-usage', {})).status).toBe(401);
    expect((await stack.post('/storage-usage', { Token: alex })).status).toBe(403);
    const res = await stack.post('/storage-usage', { Token: sue });
    expect(res.status).toBe(200);
    const media = stack.backend.deps.recordingMedia;
    const kimBytes = await media.mediaBytes(kim.job);
    expect(kimBytes).toBeGreaterThanOrEqual(4700);
    const price = stack.config.STORAGE_PRICE_PER_GB_MONTH;
    expect(res.body.pricePerGbMonthUsd).toBe(price);
    expect(res.body.months).toEqual([
      { month: '2026-11', recordings: 1, bytes: kimBytes, estimatedMonthlyCostUsd: (kimBytes / 1e9) * price },
      // Jordan's recording was erased above: still a recording, no bytes.
      { month: '2026-10', recordings: 1, bytes: await media.mediaBytes(jordan.job), estimatedMonthlyCostUsd: 0 },
    ]);
    expect(res.body.totalBytes).toBe(kimBytes);
  });
});

describe('the local privacy page', () => {
  it('is served with the page CSP and its bundle', async () => {
    const res = await fetch(`${stack.url}/privacy.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('/local/js/privacy.js');
    expect((await fetch(`${stack.url}/local/js/privacy.js`)).status).toBe(200);
  });
});
