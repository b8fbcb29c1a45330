import { CLIP_RECORDING_NOTICE } from '../../domain/consent';
import { agent, makeTestDeps } from '../test-support/local-deps';
import { runClipAction } from './clip-actions';
import { offerClip } from './offer-clip';

const tokenOf = (url: string) => url.split('#t=')[1];

async function offered() {
  const t = await makeTestDeps();
  const conv = await t.conversations.createConversation({ friendlyName: 'Clip chat' });
  const offer = await offerClip(t.deps, agent, conv.id);
  const customer = { kind: 'customer' as const, linkToken: tokenOf(offer.url) };
  const preferences = async () => (await t.conversations.listMessages(conv.id)).filter((m) => m.attributes.type === 'video-clip-preference');
  return { t, conv, offer, customer, preferences };
}

describe('the customer prefers another way than a clip', () => {
  it('"Prefer to type?" tells the agent in the chat, once, and the recording link still records', async () => {
    const { t, offer, customer, preferences } = await offered();
    const res = await runClipAction(t.deps, customer, { action: 'prefer', preference: 'type' });
    expect(res.clip).toMatchObject({ clipId: offer.clipId, status: 'offered' });
    await runClipAction(t.deps, customer, { action: 'prefer', preference: 'type' }); // a second click
    const told = await preferences();
    expect(told.map((m) => m.body)).toEqual(['The customer would rather type.']);
    expect(told[0].attributes).toMatchObject({ clipId: offer.clipId, preference: 'type' });

    // They change their mind: the same link starts a take.
    const started = await runClipAction(t.deps, customer, { action: 'start', mode: 'camera', consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version });
    expect(started.clip.status).toBe('recording');
  });

  it('"Prefer a call?" asks the agent for a live video call', async () => {
    const { t, customer, preferences } = await offered();
    await runClipAction(t.deps, customer, { action: 'prefer', preference: 'call' });
    expect((await preferences()).map((m) => m.body)).toEqual(['The customer would like a live video call instead.']);
  });

  it('needs a known preference, and is the customer’s to say', async () => {
    const { t, conv, customer } = await offered();
    await expect(runClipAction(t.deps, customer, { action: 'prefer' })).rejects.toMatchObject({ code: 'invalid_request' });
    const started = await runClipAction(t.deps, { kind: 'agent', staff: agent, conversationId: conv.id }, { action: 'start', mode: 'camera', consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version });
    await expect(
      runClipAction(t.deps, { kind: 'agent', staff: agent, clipId: started.clip.clipId }, { action: 'prefer', preference: 'call' }),
    ).rejects.toMatchObject({ code: 'not_allowed' });
  });
});
