import type { EscalateResponse } from '../../api/contract';
import type { EscalationApi } from '../api/escalation-api';
import { fakeMedia } from '../test-support/fake-media';
import { fakeAccess, FakeVideoClient } from '../test-support/fake-room';
import { AgentCall } from './agent-call';

function fakeApi() {
  const calls: string[] = [];
  const api: EscalationApi = {
    async offerClip(conversationId) {
      calls.push(`offer-clip:${conversationId}`);
      return { clipId: 'c1', url: 'http://127.0.0.1:3000/record.html#t=x', expiresAt: new Date(Date.now() + 60_000).toISOString() };
    },
    async escalate(conversationId) {
      calls.push(`escalate:${conversationId}`);
      return {
        escalationId: 'e1',
        roomName: 'esc-1',
        customerLink: 'http://127.0.0.1:3000/join.html#t=x',
        linkExpiresAt: new Date(Date.now() + 60_000).toISOString(),
        recording: true,
        reused: false,
        access: fakeAccess({ role: 'agent', identity: 'agent:alex' }),
      } satisfies EscalateResponse;
    },
    async endCall(escalationId) {
      calls.push(`end:${escalationId}`);
      return { escalationId, status: 'ended' };
    },
  };
  return { api, calls };
}

describe('AgentCall', () => {
  it('escalates, opens camera and mic, connects, and tells its subscribers each step', async () => {
    const { api, calls } = fakeApi();
    const client = new FakeVideoClient();
    const media = fakeMedia();
    const call = new AgentCall(api, () => client, media);
    const statuses: (string | undefined)[] = [];
    call.subscribe(() => statuses.push(call.state.status));
    const res = await call.escalate('CH1');
    expect(res.escalationId).toBe('e1');
    expect(calls).toEqual(['escalate:CH1']);
    expect(media.requests).toHaveLength(1);
    expect(client.connects[0].access.identity).toBe('agent:alex');
    expect(call.connected).toBe(true);
    expect(call.state.conversationId).toBe('CH1');
    expect(statuses).toEqual(['Starting the video call…', 'Opening camera and microphone…', 'Connecting…', undefined]);
  });

  it('ends the call for everyone once, then clears itself when the room closes', async () => {
    const { api, calls } = fakeApi();
    const client = new FakeVideoClient();
    const call = new AgentCall(api, () => client, fakeMedia());
    await call.escalate('CH1');
    const ending = call.end();
    await Promise.resolve();
    client.rooms[0].end('ended'); // the media server closes the room
    await ending;
    await call.end(); // a second End (e.g. wrap-up after End) asks nothing more
    expect(calls).toEqual(['escalate:CH1', 'end:e1']);
    expect(call.connected).toBe(false);
    expect(call.state.room).toBeNull();
    expect(call.state.endedForEveryone).toBe(true);
    expect(call.durationSeconds()).toBeGreaterThanOrEqual(0);
    expect(call.durationSeconds(Date.now() + 60_000)).toBe(call.durationSeconds()); // ended: no longer grows
  });

  it('says what went wrong with the devices and is not left half-connected', async () => {
    const { api } = fakeApi();
    const call = new AgentCall(api, () => new FakeVideoClient(), fakeMedia({ denied: true }));
    await expect(call.escalate('CH1')).rejects.toThrow(/blocked for this page/);
    expect(call.connected).toBe(false);
    expect(call.state.conversationId).toBeNull();
    expect(call.state.status).toBeUndefined();
  });
});
