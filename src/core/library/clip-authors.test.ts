import { CLIP_RECORDING_NOTICE } from '../../domain/consent';
import type { Clip } from '../../domain/clip';
import { clipOfLink } from '../clips/clip-access';
import { sendClip, startTake, stopTake } from '../clips/clip-takes';
import { newAgentClip, offerClip } from '../clips/offer-clip';
import { agent, makeTestDeps, supervisor } from '../test-support/local-deps';
import { getRecording, listRecordings } from './list-recordings';

const consent = { mode: 'camera' as const, consent: true, noticeVersion: CLIP_RECORDING_NOTICE.version };

/** Jobs, clips and the library in one SQLite store, as both back ends keep them. */
async function setup() {
  const t = await makeTestDeps();
  t.deps.clips = t.store.clips;
  t.deps.pipeline.store = t.store.pipeline;
  t.deps.pipeline.library = t.store.library;
  t.deps.pipeline.recordingOwners = { escalations: t.deps.escalations, clips: t.store.clips };
  const conv = await t.conversations.createConversation({ friendlyName: 'Router', attributes: { customerName: 'Jordan Lee' } });
  const record = async (clip: Clip, seconds: number) => {
    const started = (await startTake(t.deps, clip, consent)).clip;
    t.advance(seconds);
    return sendClip(t.deps, await stopTake(t.deps, started));
  };
  return { t, conv, record };
}

describe('the library says who made each clip', () => {
  it('a customer’s clip and the agent’s reply, in the same minute, each name their author', async () => {
    const { t, conv, record } = await setup();
    await record(await clipOfLink(t.deps, (await offerClip(t.deps, agent, conv.id)).url.split('#t=')[1]), 20);
    await record(await newAgentClip(t.deps, agent, conv.id), 15);

    const { items } = await listRecordings(t.deps, supervisor, {});
    expect(items.map((i) => [i.kind, i.agentName, i.customerName, i.author])).toEqual([
      ['clip', 'Alex', 'Jordan Lee', { name: 'Alex', role: 'agent' }],
      ['clip', 'Alex', 'Jordan Lee', { name: 'Jordan Lee', role: 'customer' }],
    ]);
    // Only what a page shows: the store's raw role stays inside.
    expect(items[0]).not.toHaveProperty('clipAuthorRole');
    expect((await getRecording(t.deps, supervisor, items[1].recordingId)).author).toEqual({ name: 'Jordan Lee', role: 'customer' });
  });
});
