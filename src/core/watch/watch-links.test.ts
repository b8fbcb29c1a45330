import { SignJWT } from 'jose';
import { CUSTOMER_VIEWER } from '../../domain/clip-views';
import { DomainError } from '../../domain/errors';
import { MESSAGE_TYPES } from '../../domain/message-types';
import { MEDIA_DELETED_TEXT } from '../../domain/privacy';
import type { PipelineJob, RecordingTranscript } from '../../domain/pipeline-job';
import { offerClip } from '../clips/offer-clip';
import { endCall } from '../end-call';
import { escalate } from '../escalate';
import { recordingMessage } from '../pipeline/text/recording-message';
import { closeConversation } from '../privacy/close-conversation';
import { eraseCustomer } from '../privacy/erase-customer';
import { setLegalHold } from '../privacy/legal-hold';
import { sweepRetention } from '../privacy/retention-sweep';
import { agent, makeTestDeps, otherAgent, supervisor, tokenOf, TEST_SECRET } from '../test-support/local-deps';
import { openWatch, watchVideo } from './open-watch';
import { resendWatchLink } from './resend-watch-link';
import { watchLinkSigning } from './watch-link-signing';
import { watchUrlFor } from './watch-links';
import { recordWatchView } from './watch-view';

type T = Awaited<ReturnType<typeof makeTestDeps>>;
const DAY = 24 * 60 * 60;

const refusal = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'resolved';
};

const transcript: RecordingTranscript = {
  engine: 'test',
  segments: [
    { speaker: 'Agent', role: 'agent', participantIdentity: 'agent:alex', start: 0.5, end: 2, text: 'hello how can i help', words: [] },
    { speaker: 'Customer', role: 'customer', participantIdentity: 'customer:x', start: 2.5, end: 4, text: 'the router lights blink', words: [] },
  ],
};

async function withWatchLinks(env: Record<string, string> = {}) {
  const t = await makeTestDeps(env);
  t.pipelineDeps.watchLinks = watchLinkSigning(t.deps.config);
  return t;
}

/** A finished call in a new conversation, its recording message posted with the watch link as the pipeline does. */
async function recordedCall(t: T, name = 'Jordan') {
  const conversation = await t.conversations.createConversation({ friendlyName: name, attributes: { customerName: name } });
  const { escalation } = await escalate(t.deps, agent, conversation.id);
  await endCall(t.deps, agent, escalation.id);
  const started = (await t.pipelineDeps.store.get(escalation.roomName)) as PipelineJob;
  const finished: PipelineJob = { ...started, state: 'attached', video: { compositionId: 'CJ1', status: 'ready', durationSeconds: 30 }, transcript, version: started.version + 1 };
  await t.pipelineDeps.store.saveIfUnchanged(finished);
  await t.pipelineDeps.artifacts.write(finished.recordingId, 'transcript.json', JSON.stringify({ recordingId: finished.recordingId, ...transcript }));
  await t.pipelineDeps.artifacts.write(finished.recordingId, 'captions.vtt', 'WEBVTT\n\n00:00:00.500 --> 00:00:02.000\n<v Agent>hello how can i help\n');
  const url = await watchUrlFor(t.pipelineDeps, finished);
  const content = recordingMessage(finished, transcript, 30, { ...t.pipelineDeps.artifacts.urls(finished.recordingId), watchUrl: url }, t.pipelineDeps.customerRecordingAccess);
  const message = await t.conversations.postMessage(conversation.id, { author: 'system', ...content, attributes: { ...content.attributes, idempotencyKey: finished.roomName } });
  const job = (await t.pipelineDeps.store.get(finished.roomName)) as PipelineJob;
  return { conversationId: conversation.id, escalation, job, url: url as string, token: url ? tokenOf(url) : '', message };
}

describe('watch links', () => {
  it('are bound to the conversation and the recording, and open what the page may show', async () => {
    const t = await withWatchLinks();
    const call = await recordedCall(t);
    expect(call.url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/watch\.html#t=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(call.message.body).toMatch(new RegExp(`^Video call recording · 0:30 · transcript\\n\\n\\[0:00\\] Agent: hello how can i help\\n\\[0:02\\] Customer: the router lights blink\\n\\nWatch it here: ${call.url.replace(/[.?]/g, '\\$&')}$`));
    expect(call.message.attributes.watchUrl).toBe(call.url);

    const opened = await openWatch(t.deps, call.token);
    expect(opened).toMatchObject({
      recordingId: call.job.recordingId,
      kind: 'call',
      title: 'Video call recording',
      durationSeconds: 30,
      access: 'video',
      video: { state: 'ready', url: 'https://media.example/CJ1' },
      transcript: { state: 'ready', captions: expect.stringContaining('hello how can i help') },
    });
    expect(opened.transcript.state === 'ready' && opened.transcript.segments.map((s) => [s.speaker, s.start, s.text])).toEqual([
      ['Agent', 0.5, 'hello how can i help'],
      ['Customer', 2.5, 'the router lights blink'],
    ]);
    expect(await watchVideo(t.deps, call.token)).toEqual({ url: 'https://media.example/CJ1' });

    // The same link again when the message is rewritten (an SMS customer keeps the first one).
    expect(await watchUrlFor(t.pipelineDeps, call.job)).toBe(call.url);

    // Forged (another key), another kind of link, and a link naming a recording of another conversation.
    const other = await recordedCall(t, 'Kim');
    const sign = (claims: Record<string, unknown>, secret = TEST_SECRET) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('video-escalation')
        .setAudience('watch-link')
        .setSubject('customer')
        .setJti(call.job.watchLink!.linkId)
        .setIssuedAt(call.job.watchLink!.issuedAt)
        .setExpirationTime(call.job.watchLink!.expiresAt)
        .sign(new TextEncoder().encode(secret));
    expect(await refusal(openWatch(t.deps, await sign({ rec: call.job.recordingId, conv: call.conversationId }, 'another-secret-that-is-long-enough-0123')))).toBe('401 link_invalid');
    expect(await refusal(openWatch(t.deps, `${call.token}x`))).toBe('401 link_invalid');
    const { url: clipLink } = await offerClip(t.deps, agent, call.conversationId);
    expect(await refusal(openWatch(t.deps, tokenOf(clipLink)))).toBe('401 link_invalid');
    expect(await refusal(openWatch(t.deps, await sign({ rec: other.job.recordingId, conv: call.conversationId })))).toBe('403 not_allowed');
    expect(await refusal(openWatch(t.deps, await sign({ rec: 'REnothing', conv: call.conversationId })))).toBe('401 link_invalid');
    // Each link opens its own recording only.
    expect((await openWatch(t.deps, other.token)).recordingId).toBe(other.job.recordingId);
  });

  it('expire after WATCH_LINK_TTL_DAYS', async () => {
    const t = await withWatchLinks({ WATCH_LINK_TTL_DAYS: '2' });
    const call = await recordedCall(t);
    t.advance(2 * DAY - 60);
    expect((await openWatch(t.deps, call.token)).access).toBe('video');
    t.advance(120);
    expect(await refusal(openWatch(t.deps, call.token))).toBe('401 link_expired');
    expect(await refusal(watchVideo(t.deps, call.token))).toBe('401 link_expired');
  });

  it('are replaced when a newer one is sent: the old one is refused (410), the messages carry the new one', async () => {
    const t = await withWatchLinks();
    const call = await recordedCall(t);
    expect(await refusal(resendWatchLink(t.deps, otherAgent, call.job.recordingId))).toBe('403 not_allowed');
    const sent = await resendWatchLink(t.deps, agent, call.job.recordingId);
    expect(sent.url).not.toBe(call.url);
    expect(await refusal(openWatch(t.deps, call.token))).toBe('410 link_revoked');
    expect((await openWatch(t.deps, tokenOf(sent.url))).recordingId).toBe(call.job.recordingId);

    const messages = await t.conversations.listMessages(call.conversationId);
    const resent = messages.find((m) => m.attributes.type === MESSAGE_TYPES.watchLink);
    expect(resent?.body).toContain(sent.url);
    expect(resent?.body.length).toBeLessThanOrEqual(1600);
    const recording = messages.find((m) => m.id === call.message.id);
    expect(recording?.attributes.watchUrl).toBe(sent.url);
    expect(recording?.body).toContain(sent.url);
    expect(recording?.body).not.toContain(call.url);
    // The pipeline rewriting the message now signs the new one.
    expect(await watchUrlFor(t.pipelineDeps, (await t.pipelineDeps.store.get(call.job.roomName))!)).toBe(sent.url);
  });

  it('are revoked by erasure (410 recording_erased), counted with the link tokens, and no new one is issued', async () => {
    const t = await withWatchLinks();
    const call = await recordedCall(t);
    const kim = await recordedCall(t, 'Kim');
    await recordWatchView(t.deps, call.token, { event: 'opened', positionSeconds: 0 });
    const dry = await eraseCustomer(t.deps, supervisor, { conversationId: call.conversationId, dryRun: true });
    // The call's invitation and its recording's watch link; the customer's view of the call (kept by its escalation).
    expect(dry.counts).toMatchObject({ linkTokens: 2, clipViews: 1 });
    const done = await eraseCustomer(t.deps, supervisor, { conversationId: call.conversationId, dryRun: false });
    expect(done.counts).toEqual(dry.counts);
    expect(await refusal(openWatch(t.deps, call.token))).toBe('410 recording_erased');
    expect(await refusal(recordWatchView(t.deps, call.token, { event: 'progress', positionSeconds: 3 }))).toBe('410 recording_erased');
    expect(await t.deps.clipViews.listByClip(call.escalation.id)).toEqual([]);
    expect(await watchUrlFor(t.pipelineDeps, (await t.pipelineDeps.store.get(call.job.roomName))!)).toBeUndefined();
    expect(await refusal(resendWatchLink(t.deps, supervisor, call.job.recordingId))).toBe('403 not_allowed');
    expect((await eraseCustomer(t.deps, supervisor, { conversationId: call.conversationId, dryRun: true })).counts.linkTokens).toBe(0);
    expect(JSON.stringify(await t.conversations.listMessages(call.conversationId))).not.toContain('watch.html');
    // Another customer's link still works.
    expect((await openWatch(t.deps, kim.token)).video.state).toBe('ready');
  });

  it('honour retention and legal hold: after the sweep the video is gone (410) with the reason and the transcript stays; a held one plays on', async () => {
    const t = await withWatchLinks({ WATCH_LINK_TTL_DAYS: '365', RETENTION_MEDIA_DAYS: '90' });
    const closed = await recordedCall(t);
    const held = await recordedCall(t, 'Hana');
    for (const c of [closed, held]) {
      t.recordingMedia.seed(c.job.recordingId);
      await closeConversation(t.deps, agent, { conversationId: c.conversationId });
    }
    await setLegalHold(t.deps, supervisor, { conversationId: held.conversationId, reason: 'Dispute #4411' });
    t.advance(91 * DAY);
    expect(await sweepRetention(t.deps, t.deps.clock.now())).toMatchObject({ mediaDeleted: 1, failed: 0 });

    const opened = await openWatch(t.deps, closed.token);
    expect(opened.video).toEqual({ state: 'deleted', message: `${MEDIA_DELETED_TEXT}.` });
    expect(opened.transcript.state).toBe('ready');
    expect(await refusal(watchVideo(t.deps, closed.token))).toBe('410 media_deleted');
    // The message still says where to read the transcript.
    const message = (await t.conversations.listMessages(closed.conversationId)).find((m) => m.id === closed.message.id);
    expect(message?.body).toMatch(new RegExp(`^Video call recording · 0:30 · ${MEDIA_DELETED_TEXT}[^]*Watch it here: `));
    expect((await openWatch(t.deps, held.token)).video.state).toBe('ready');
  });

  it('honour CUSTOMER_RECORDING_ACCESS: transcript alone, or no link at all', async () => {
    const t = await withWatchLinks({ CUSTOMER_RECORDING_ACCESS: 'transcript' });
    t.pipelineDeps.customerRecordingAccess = 'transcript';
    const call = await recordedCall(t);
    expect(call.message.body).toMatch(/\n\nRead the transcript here: http:\/\/127\.0\.0\.1:3000\/watch\.html#t=/);
    const opened = await openWatch(t.deps, call.token);
    expect([opened.access, opened.video.state, opened.transcript.state]).toEqual(['transcript', 'withheld', 'ready']);
    expect(await refusal(watchVideo(t.deps, call.token))).toBe('403 not_allowed');
    expect(await recordWatchView(t.deps, call.token, { event: 'opened' })).toEqual({ recorded: false });

    t.pipelineDeps.customerRecordingAccess = 'none';
    expect(await refusal(openWatch(t.deps, call.token))).toBe('403 not_allowed');
    const none = await recordedCall(t, 'Nico');
    expect(none.url).toBeUndefined();
    expect(none.message.body).not.toContain('watch.html');
  });

  it("record the customer's viewing of a call by its escalation, the furthest point only growing", async () => {
    const t = await withWatchLinks();
    const call = await recordedCall(t);
    expect(await recordWatchView(t.deps, call.token, { event: 'opened', positionSeconds: 0 })).toEqual({ recorded: true, view: { furthestSeconds: 0, completed: false } });
    await recordWatchView(t.deps, call.token, { event: 'progress', positionSeconds: 12 });
    await recordWatchView(t.deps, call.token, { event: 'progress', positionSeconds: 4 });
    expect(await recordWatchView(t.deps, call.token, { event: 'ended', positionSeconds: 29 })).toEqual({ recorded: true, view: { furthestSeconds: 30, completed: true } });
    expect(await t.deps.clipViews.get(call.escalation.id, CUSTOMER_VIEWER)).toMatchObject({ recordingId: call.job.recordingId, furthestSeconds: 30, completed: true });
  });
});
