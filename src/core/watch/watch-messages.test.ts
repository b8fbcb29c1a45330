import { CLIP_RECORDING_NOTICE } from '../../domain/consent';
import type { PipelineJob, RecordingTranscript } from '../../domain/pipeline-job';
import { sendClip, startTake, stopTake } from '../clips/clip-takes';
import { clipOfLink } from '../clips/clip-access';
import { newAgentClip, offerClip } from '../clips/offer-clip';
import { compositionReady } from '../pipeline/compose/composition-events';
import type { RecordingTranscriber } from '../pipeline/test-support/fake-engines';
import { transcriptReady } from '../pipeline/text/transcript-events';
import { recordingMessage } from '../pipeline/text/recording-message';
import { agent, makeTestDeps, tokenOf } from '../test-support/local-deps';
import { endCall } from '../end-call';
import { escalate } from '../escalate';
import { openWatch } from './open-watch';
import { watchLinkSigning } from './watch-link-signing';
import { longCallTranscript } from '../test-support/long-call-transcript';

/** SMS and WhatsApp bodies (twilio.com/docs/conversations/conversations-limits). */
const SMS_BODY_MAX = 1600;
const consent = { mode: 'camera' as const, consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version };
const WATCH_LINE = /\n\nWatch it here: (http:\/\/127\.0\.0\.1:3000\/watch\.html#t=[\w-]+\.[\w-]+\.[\w-]+)$/;

async function setup() {
  const t = await makeTestDeps();
  t.pipelineDeps.watchLinks = watchLinkSigning(t.deps.config);
  const conv = await t.conversations.createConversation({ friendlyName: 'Watch chat' });
  const recordingMessages = async () => (await t.conversations.listMessages(conv.id)).filter((m) => m.attributes.type === 'video-recording');
  return { t, conv, recordingMessages };
}

describe('the messages customers read as plain text', () => {
  it("an agent's reply carries the watch link in its first body (an SMS customer sees no update), and keeps it when the video arrives", async () => {
    const { t, conv, recordingMessages } = await setup();
    const { clip: started } = await startTake(t.deps, await newAgentClip(t.deps, agent, conv.id), consent);
    t.advance(12);
    await sendClip(t.deps, await stopTake(t.deps, started));
    const [processing] = await recordingMessages();
    expect(processing.body).toMatch(/^Alex replied with a video · 0:12 · processing\n\nWatch it here: /);
    const link = WATCH_LINE.exec(processing.body)?.[1] as string;
    expect(processing.attributes.watchUrl).toBe(link);
    // Opened before the video is made: the page says it is on its way.
    expect((await openWatch(t.deps, tokenOf(link))).video.state).toBe('processing');

    const job = (await t.deps.pipeline.store.get(started.roomName as string)) as PipelineJob;
    await compositionReady(t.deps.pipeline, { roomName: job.roomName, compositionId: job.video!.compositionId, durationSeconds: 12 });
    const [ready] = await recordingMessages();
    expect(ready.id).toBe(processing.id);
    expect(ready.body).toMatch(/^Alex replied with a video · 0:12 · transcript to follow/);
    expect(WATCH_LINE.exec(ready.body)?.[1]).toBe(link);
    const opened = await openWatch(t.deps, tokenOf(link));
    expect([opened.title, opened.access, opened.video.state]).toEqual(['Alex replied with a video', 'video', 'ready']);
  });

  it("an agent's reply gets the video link even where the policy keeps call recordings from customers", async () => {
    const { t, conv, recordingMessages } = await setup();
    t.pipelineDeps.customerRecordingAccess = 'none';
    const { clip: started } = await startTake(t.deps, await newAgentClip(t.deps, agent, conv.id), consent);
    t.advance(5);
    await sendClip(t.deps, await stopTake(t.deps, started));
    const [message] = await recordingMessages();
    expect((await openWatch(t.deps, tokenOf(WATCH_LINE.exec(message.body)?.[1] as string))).access).toBe('video');
  });

  it("a customer's own clip gets no link: it goes to the agent", async () => {
    const { t, conv, recordingMessages } = await setup();
    const offer = await offerClip(t.deps, agent, conv.id);
    const { clip: started } = await startTake(t.deps, await clipOfLink(t.deps, tokenOf(offer.url)), consent);
    t.advance(5);
    await sendClip(t.deps, await stopTake(t.deps, started));
    const [message] = await recordingMessages();
    expect(message.body).toBe('Video clip from Customer · 0:05 · processing');
    expect(message.attributes.watchUrl).toBeUndefined();
  });

  it('a call through the pipeline: the link goes out with the video and stays when the transcript completes the message', async () => {
    const { t, recordingMessages, conv } = await setup();
    const { escalation } = await escalate(t.deps, agent, conv.id);
    await endCall(t.deps, agent, escalation.id);
    const job = (await t.deps.pipeline.store.get(escalation.roomName)) as PipelineJob;
    await compositionReady(t.deps.pipeline, { roomName: job.roomName, compositionId: job.video!.compositionId, durationSeconds: 42 });
    const [early] = await recordingMessages();
    const link = WATCH_LINE.exec(early.body)?.[1];
    expect(early.body).toMatch(/^Video call recording · 0:42 · transcript to follow\n\nWatch it here: /);
    for (const s of job.speakers ?? []) {
      await compositionReady(t.deps.pipeline, { roomName: job.roomName, compositionId: s.compositionId });
    }
    const speakers = (await t.deps.pipeline.store.get(job.roomName))!.speakers ?? [];
    const transcriber = t.pipelineDeps.transcriber as RecordingTranscriber;
    for (const s of speakers) transcriber.results.set(s.compositionId, [{ start: 0.5, end: 1.5, text: 'hello there', words: [] }]);
    for (const s of speakers) await transcriptReady(t.deps.pipeline, { roomName: job.roomName, compositionId: s.compositionId, transcriptId: s.transcriptId as string });
    const [complete] = await recordingMessages();
    expect(complete.id).toBe(early.id);
    expect(complete.body).toMatch(/^Video call recording · 0:42 · transcript\n\n/);
    expect(WATCH_LINE.exec(complete.body)?.[1]).toBe(link);
  });

  it('fits SMS: a 30-minute, three-speaker call with its link stays within 1,600 characters', async () => {
    const { t } = await setup();
    const segments = longCallTranscript().segments;
    const job = { recordingId: 'RE1', roomName: 'esc-1', conversationId: 'CH1', escalationId: 'e1', kind: 'call' } as PipelineJob;
    const signing = t.pipelineDeps.watchLinks!;
    const now = Math.floor(Date.now() / 1000);
    const watchUrl = signing.links.watchUrl(await signing.links.signWatch({ recordingId: 'RE1', conversationId: 'CH1', linkId: '0b7f7a1e-7c5e-4f3e-9a51-3a3c8c1f2d11', issuedAt: now, expiresAt: now + 30 * 86400 }));
    const transcript: RecordingTranscript = { engine: 'vi', segments };
    const { body } = recordingMessage(job, transcript, 1800, { ...t.pipelineDeps.artifacts.urls('RE1'), watchUrl });
    expect(body.endsWith(`Watch it here: ${watchUrl}`)).toBe(true);
    expect(body.length).toBeLessThanOrEqual(SMS_BODY_MAX);
  });
});
