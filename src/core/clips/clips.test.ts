import { CLIP_RECORDING_NOTICE } from '../../domain/consent';
import { agent, makeTestDeps, otherAgent } from '../test-support/local-deps';
import { compositionReady } from '../pipeline/compose/composition-events';
import { clipOfAgent, clipOfLink } from './clip-access';
import { clipRoomEnded, enforceClipCaps, enforceClipLimits } from './clip-limits';
import { discardTake, pauseTake, resumeTake, sendClip, startTake, stopTake } from './clip-takes';
import { newAgentClip, offerClip } from './offer-clip';

const consent = { mode: 'screen+camera' as const, consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version };
const tokenOf = (url: string) => url.split('#t=')[1];

async function offered() {
  const t = await makeTestDeps({ CLIP_MAX_SECONDS: '180', CLIP_AUTHOR_GONE_SECONDS: '20' });
  const conv = await t.conversations.createConversation({ friendlyName: 'Clip chat' });
  const offer = await offerClip(t.deps, agent, conv.id);
  return { t, conv, offer, token: tokenOf(offer.url) };
}

describe('async clips', () => {
  it('offers a signed recording link in the chat, which the recorder page opens and a call page does not', async () => {
    const { t, conv, offer, token } = await offered();
    expect(offer.url).toMatch(/\/record\.html#t=/);
    const [message] = await t.conversations.listMessages(conv.id);
    expect(message.attributes).toMatchObject({ type: 'video-clip-request', clipId: offer.clipId, url: offer.url });
    expect((await clipOfLink(t.deps, token)).status).toBe('offered');
    await expect(t.deps.links.verify(token, new Date())).rejects.toMatchObject({ code: 'link_invalid' });
  });

  it('records a take with a pause, then sends it: one message, "processing" at once, updated in place', async () => {
    const { t, conv, token } = await offered();
    let clip = await clipOfLink(t.deps, token);
    await expect(startTake(t.deps, clip, { ...consent, consent: false })).rejects.toMatchObject({ code: 'consent_required' });
    const { clip: started, access } = await startTake(t.deps, clip, consent);
    expect(access).toMatchObject({ identity: clip.authorIdentity, role: 'customer', roomName: started.roomName });
    expect(t.rooms.created[0]).toMatchObject({ name: `clip-${clip.id}-1`, recording: true });
    t.advance(10);
    clip = await pauseTake(t.deps, started);
    t.advance(30); // paused time is not recorded time
    clip = await resumeTake(t.deps, clip);
    t.advance(5);
    clip = await stopTake(t.deps, clip);
    expect(t.rooms.recordingSwitches).toEqual([`${clip.roomName}:off`, `${clip.roomName}:on`]);
    expect(clip).toMatchObject({ status: 'stopped', recordedSeconds: 15, stopCause: 'author' });
    expect(t.rooms.ended).toContain(clip.roomName);

    await sendClip(t.deps, clip);
    let messages = (await t.conversations.listMessages(conv.id)).filter((m) => m.attributes.type === 'video-recording');
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toBe('Video clip from Customer · 0:15 · processing');
    expect(messages[0].attributes).toMatchObject({ kind: 'clip', videoStatus: 'processing', authorRole: 'customer', clipId: clip.id });
    expect(t.composer.layouts).toEqual(['pip']);

    const job = await t.deps.pipeline.store.get(clip.roomName as string);
    await compositionReady(t.deps.pipeline, { roomName: job!.roomName, compositionId: job!.video!.compositionId, durationSeconds: 15 });
    messages = (await t.conversations.listMessages(conv.id)).filter((m) => m.attributes.type === 'video-recording');
    expect(messages).toHaveLength(1);
    expect(messages[0].attributes).toMatchObject({ kind: 'clip', videoStatus: 'ready', mediaUrl: expect.stringContaining('video.mp4') });
    await expect(clipOfLink(t.deps, token)).rejects.toMatchObject({ code: 'clip_sent' });
    // The clip message tells it apart from calls, with who sent it; the conversation keeps no entry for a finished recording.
    expect(messages[0].attributes).toMatchObject({ kind: 'clip', authorRole: 'customer', clipId: clip.id, durationSeconds: 15 });
  });

  it('a retake discards the take on the media server and the next take is a new room', async () => {
    const { t, token } = await offered();
    const first = (await startTake(t.deps, await clipOfLink(t.deps, token), consent)).clip;
    const discarded = await discardTake(t.deps, first);
    expect(discarded.status).toBe('discarded');
    expect(t.rooms.ended).toContain(first.roomName);
    expect(t.rooms.discarded).toEqual([first.roomName]);
    const second = (await startTake(t.deps, discarded, consent)).clip;
    expect(second.roomName).toBe(`clip-${first.id}-2`);
  });

  it('refuses links for another conversation, expired or replaced, and another agent’s clip', async () => {
    const { t, conv, offer, token } = await offered();
    const clip = await clipOfLink(t.deps, token);
    const forged = await t.deps.links.signClip({ clipId: clip.id, conversationId: 'CHother', customerIdentity: clip.authorIdentity, linkId: clip.linkId!, expiresAt: new Date(Date.now() + 60_000) });
    await expect(clipOfLink(t.deps, forged)).rejects.toMatchObject({ code: 'link_invalid' });
    const old = await t.deps.links.signClip({ clipId: clip.id, conversationId: conv.id, customerIdentity: clip.authorIdentity, linkId: 'old', expiresAt: new Date(Date.now() + 60_000) });
    await expect(clipOfLink(t.deps, old)).rejects.toMatchObject({ code: 'link_revoked' });
    // A newer request replaces a link that recorded nothing.
    const newer = await offerClip(t.deps, agent, conv.id);
    await expect(clipOfLink(t.deps, token)).rejects.toMatchObject({ code: 'link_revoked' });
    expect((await clipOfLink(t.deps, tokenOf(newer.url))).status).toBe('offered');
    t.advance(t.deps.config.LINK_TTL_SECONDS + 1);
    await expect(clipOfLink(t.deps, tokenOf(offer.url))).rejects.toMatchObject({ code: 'link_expired' });

    const mine = await newAgentClip(t.deps, agent, conv.id);
    await expect(clipOfAgent(t.deps, otherAgent, mine.id)).rejects.toMatchObject({ code: 'not_your_clip' });
    expect((await clipOfAgent(t.deps, agent, mine.id)).authorIdentity).toBe('agent:alex');
  });

  it('the server ends a take at the cap even if the browser keeps publishing, and keeps it', async () => {
    const { t, token } = await offered();
    const { clip } = await startTake(t.deps, await clipOfLink(t.deps, token), consent);
    t.rooms.connect(clip.roomName!, clip.authorIdentity);
    const absent = new Map<string, number>();
    t.advance(179);
    await enforceClipLimits(t.deps, absent);
    expect((await t.deps.clips.get(clip.id))!.status).toBe('recording');
    t.advance(2);
    await enforceClipLimits(t.deps, absent);
    expect(await t.deps.clips.get(clip.id)).toMatchObject({ status: 'stopped', stopCause: 'cap', recordedSeconds: 180 });
    expect(t.rooms.ended).toContain(clip.roomName);
  });

  it('a take whose author is gone is ended and sent as recorded', async () => {
    const { t, conv, token } = await offered();
    const { clip } = await startTake(t.deps, await clipOfLink(t.deps, token), consent);
    const absent = new Map<string, number>();
    t.advance(12);
    await enforceClipLimits(t.deps, absent); // not connected: the clock starts
    t.advance(19);
    await enforceClipLimits(t.deps, absent);
    expect((await t.deps.clips.get(clip.id))!.status).toBe('recording');
    t.advance(1);
    await enforceClipLimits(t.deps, absent);
    // Recorded until the author was first seen gone (12 s), not until the wait to be sure ended.
    expect(await t.deps.clips.get(clip.id)).toMatchObject({ status: 'sent', stopCause: 'author_gone', recordedSeconds: 12 });
    const messages = (await t.conversations.listMessages(conv.id)).filter((m) => m.attributes.type === 'video-recording');
    expect(messages).toHaveLength(1);
  });

  it('a take whose room the media server ended by itself is sent as recorded; a call room is not a clip', async () => {
    const { t, conv, token } = await offered();
    const { clip } = await startTake(t.deps, await clipOfLink(t.deps, token), consent);
    t.advance(7);
    expect(await clipRoomEnded(t.deps, { roomName: 'esc-1', roomSid: 'x' })).toBeNull();
    const sent = await clipRoomEnded(t.deps, { roomName: clip.roomName!, roomSid: clip.roomSid! });
    expect(sent).toMatchObject({ status: 'sent', stopCause: 'author_gone', recordedSeconds: 7 });
    // A repeated callback changes nothing.
    expect((await clipRoomEnded(t.deps, { roomName: clip.roomName!, roomSid: clip.roomSid! }))?.status).toBe('sent');
    expect((await t.conversations.listMessages(conv.id)).filter((m) => m.attributes.type === 'video-recording')).toHaveLength(1);
  });

  it('a take that reaches the cap after its author went is sent, not left waiting for a Send that never comes', async () => {
    const { t, token } = await offered();
    const { clip } = await startTake(t.deps, await clipOfLink(t.deps, token), consent);
    const absent = new Map<string, number>();
    t.advance(175);
    await enforceClipLimits(t.deps, absent); // not publishing: seen gone at 175 s
    t.advance(6);
    await enforceClipLimits(t.deps, absent); // the cap (180 s) comes before the 20 s wait
    expect(await t.deps.clips.get(clip.id)).toMatchObject({ status: 'sent', stopCause: 'cap', recordedSeconds: 175 });
  });

  it('the cap alone (a scheduler on Twilio) ends takes that reached it and leaves the others', async () => {
    const { t, token } = await offered();
    const { clip } = await startTake(t.deps, await clipOfLink(t.deps, token), consent);
    t.advance(179);
    expect(await enforceClipCaps(t.deps)).toEqual([]);
    t.advance(1);
    expect(await enforceClipCaps(t.deps)).toEqual([clip.id]);
    expect(await t.deps.clips.get(clip.id)).toMatchObject({ status: 'stopped', stopCause: 'cap', recordedSeconds: 180 });
    expect(await enforceClipCaps(t.deps)).toEqual([]);
  });
});
