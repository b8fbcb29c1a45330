import { CLIP_RECORDING_NOTICE } from '../../domain/consent';
import type { Clip } from '../../domain/clip';
import type { StaffIdentity } from '../../domain/identity';
import type { RecordingTranscriber } from '../pipeline/test-support/fake-engines';
import type { RecordingViewer } from '../pipeline/playback/authorize';
import { compositionReady } from '../pipeline/compose/composition-events';
import { transcriptReady } from '../pipeline/text/transcript-events';
import { agent, makeTestDeps, otherAgent, supervisor } from '../test-support/local-deps';
import { clipOfLink } from './clip-access';
import { sendClip, startTake, stopTake } from './clip-takes';
import { newAgentClip, offerClip } from './offer-clip';
import { recordClipView } from './record-clip-view';

const consent = { mode: 'camera' as const, consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version };
const staff = (s: StaffIdentity): RecordingViewer => ({ kind: 'staff', staff: s });

/** A clip sent by `author` and composed (video ready, `duration` seconds long; transcript still pending). */
async function sentClip(author: 'customer' | 'agent', duration = 100) {
  const t = await makeTestDeps();
  const conv = await t.conversations.createConversation({ friendlyName: 'Clip chat' });
  let clip: Clip;
  if (author === 'customer') clip = await clipOfLink(t.deps, (await offerClip(t.deps, agent, conv.id)).url.split('#t=')[1]);
  else clip = await newAgentClip(t.deps, agent, conv.id);
  clip = (await startTake(t.deps, clip, consent)).clip;
  t.advance(duration);
  clip = await sendClip(t.deps, await stopTake(t.deps, clip));
  const job = (await t.deps.pipeline.store.get(clip.roomName as string))!;
  await compositionReady(t.deps.pipeline, { roomName: job.roomName, compositionId: job.video!.compositionId, durationSeconds: duration });
  const message = async () => (await t.conversations.listMessages(conv.id)).find((m) => m.attributes.type === 'video-recording')!;
  const updates = jest.spyOn(t.deps.conversations, 'updateMessage');
  const chat: RecordingViewer = { kind: 'chat', conversationId: conv.id };
  const view = (viewer: RecordingViewer, event: 'opened' | 'progress' | 'ended', positionSeconds?: number) =>
    recordClipView(t.deps, viewer, { recordingId: job.recordingId, event, positionSeconds });
  return { t, conv, clip, job, message, updates, chat, view };
}

describe('clip viewer events', () => {
  it('the customer watching the agent’s clip: opened, then the furthest point only grows; the agent’s message shows it', async () => {
    const { t, clip, message, chat, view } = await sentClip('agent');
    expect(await view(chat, 'opened')).toEqual({ recorded: true, view: { furthestSeconds: 0, completed: false } });
    expect((await message()).attributes.views).toEqual({ customer: { furthestSeconds: 0, completed: false } });
    t.advance(5);
    await view(chat, 'progress', 50);
    // Seeking back does not take anything away.
    expect(await view(chat, 'progress', 30)).toEqual({ recorded: true, view: { furthestSeconds: 50, completed: false } });
    expect((await message()).attributes.views).toEqual({ customer: { furthestSeconds: 50, completed: false } });
    const stored = await t.deps.clipViews.get(clip.id, 'customer');
    expect(stored).toMatchObject({ viewer: 'customer', furthestSeconds: 50, completed: false, openedAt: '2026-11-21T10:01:40.000Z', lastEventAt: '2026-11-21T10:01:45.000Z' });
    // The rest of the message is untouched.
    expect((await message()).attributes).toMatchObject({ kind: 'clip', authorRole: 'agent', videoStatus: 'ready' });
  });

  it('counts the clip as watched from 90 % on, once, and clamps a position past the end', async () => {
    const { t, clip, message, chat, view } = await sentClip('agent', 100);
    expect((await view(chat, 'progress', 89.9)).view).toEqual({ furthestSeconds: 89.9, completed: false });
    expect((await view(chat, 'progress', 90)).view).toEqual({ furthestSeconds: 90, completed: true });
    const completedAt = (await t.deps.clipViews.get(clip.id, 'customer'))!.completedAt;
    expect(completedAt).toBeDefined();
    t.advance(30);
    expect((await view(chat, 'progress', 500)).view).toEqual({ furthestSeconds: 100, completed: true });
    expect((await view(chat, 'progress', 10)).view).toEqual({ furthestSeconds: 100, completed: true });
    expect((await t.deps.clipViews.get(clip.id, 'customer'))!.completedAt).toBe(completedAt);
    expect((await message()).attributes.views).toEqual({ customer: { furthestSeconds: 100, completed: true } });
  });

  it('a clip played to its end is watched in full, though the player stopped short of the composition’s length', async () => {
    const { chat, view, message } = await sentClip('agent', 100);
    await view(chat, 'progress', 60);
    expect((await view(chat, 'ended', 99.04)).view).toEqual({ furthestSeconds: 100, completed: true });
    expect((await message()).attributes.views).toEqual({ customer: { furthestSeconds: 100, completed: true } });
  });

  it('is idempotent: the same event again writes neither the store nor the message', async () => {
    const { chat, view, updates } = await sentClip('agent');
    await view(chat, 'opened');
    await view(chat, 'progress', 20);
    const writes = updates.mock.calls.length;
    expect(writes).toBe(2);
    await view(chat, 'opened');
    await view(chat, 'progress', 20);
    await view(chat, 'progress', 5);
    expect(updates.mock.calls.length).toBe(writes);
  });

  it('only someone who may watch the clip records a view', async () => {
    const { t, clip, chat, view } = await sentClip('agent');
    await expect(view(staff(otherAgent), 'opened')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(view({ kind: 'chat', conversationId: 'CH-someone-else' }, 'opened')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(recordClipView(t.deps, chat, { recordingId: 'RE-nope', event: 'opened' })).rejects.toMatchObject({ kind: 'not_found' });
    await expect(view(chat, 'progress', Number.NaN)).rejects.toMatchObject({ code: 'invalid_position' });
    await expect(view(chat, 'progress', -1)).rejects.toMatchObject({ code: 'invalid_position' });
    expect(await t.deps.clipViews.listByClip(clip.id)).toEqual([]);
    // A supervisor may watch it, so their view counts (in the store; the message shows the customer's only).
    expect(await view(staff(supervisor), 'progress', 40)).toMatchObject({ recorded: true });
    expect((await t.deps.clipViews.listByClip(clip.id)).map((v) => v.viewer)).toEqual(['sue']);
  });

  it('a viewer never records views of their own clip', async () => {
    const agentClip = await sentClip('agent');
    expect(await agentClip.view(staff(agent), 'progress', 100)).toEqual({ recorded: false });
    expect(await agentClip.t.deps.clipViews.listByClip(agentClip.clip.id)).toEqual([]);
    expect((await agentClip.message()).attributes.views).toBeUndefined();

    const customerClip = await sentClip('customer');
    expect(await customerClip.view(customerClip.chat, 'progress', 100)).toEqual({ recorded: false });
    expect(await customerClip.t.deps.clipViews.listByClip(customerClip.clip.id)).toEqual([]);
    // The agent watching the customer's clip is a view, kept in the store, not shown in the customer's chat.
    expect(await customerClip.view(staff(agent), 'progress', 95)).toEqual({ recorded: true, view: { furthestSeconds: 95, completed: true } });
    expect((await customerClip.t.deps.clipViews.listByClip(customerClip.clip.id)).map((v) => [v.viewer, v.completed])).toEqual([['alex', true]]);
    expect((await customerClip.message()).attributes.views).toBeUndefined();
  });

  it('the transcript arriving later keeps the views the message shows', async () => {
    const { t, job, message, chat, view } = await sentClip('agent');
    await view(chat, 'progress', 95);
    const transcriber = t.pipelineDeps.transcriber as RecordingTranscriber;
    for (const s of job.speakers ?? []) {
      transcriber.results.set(s.compositionId, [{ start: 0, end: 1, text: 'hello', words: [] }]);
      await compositionReady(t.deps.pipeline, { roomName: job.roomName, compositionId: s.compositionId });
      await transcriptReady(t.deps.pipeline, { roomName: job.roomName, compositionId: s.compositionId, transcriptId: transcriber.idFor(s.compositionId) });
    }
    expect(job.speakers?.length).toBeGreaterThan(0);
    const attributes = (await message()).attributes;
    expect(attributes).toMatchObject({ transcriptStatus: 'ready', views: { customer: { furthestSeconds: 95, completed: true } } });
  });
});
