import { escalate, LINK_MESSAGE_TYPE } from './escalate';
import { checkLink, join } from './join';
import { endCall, ENDED_MESSAGE_TYPE } from './end-call';
import { RECORDING_NOTICE } from '../domain/consent';
import { reconcileCalls } from './reconcile';
import { agent, makeTestDeps, otherAgent, supervisor, tokenOf } from './test-support/local-deps';
import { codeOf } from './test-support/code-of';

const CONSENT = { consent: true, noticeVersion: RECORDING_NOTICE.version, userAgent: 'TestBrowser/1.0' };

async function setup(env: Record<string, string> = {}) {
  const t = await makeTestDeps(env);
  const conversation = await t.conversations.createConversation({ friendlyName: 'Printer jam', attributes: { crm: 42 } });
  return { ...t, conversationId: conversation.id };
}

describe('escalate', () => {
  it('creates a recorded room, posts one signed link and opens the agent side', async () => {
    const t = await setup();
    const result = await escalate(t.deps, agent, t.conversationId);

    expect(t.rooms.created).toEqual([{ name: result.escalation.roomName, recording: true, maxParticipants: 4 }]);
    expect(result.customerLink).toMatch(/^http:\/\/127\.0\.0\.1:3000\/join\.html#t=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(result.agentAccess.identity).toBe('agent:alex');
    const messages = await t.conversations.listMessages(t.conversationId);
    expect(messages).toHaveLength(1);
    expect(messages[0].attributes).toMatchObject({ type: LINK_MESSAGE_TYPE, url: result.customerLink });
    const conversation = await t.conversations.get(t.conversationId);
    expect(conversation?.attributes).toMatchObject({ crm: 42, videoEscalation: { status: 'active' } });
  });

  it('reopens the live call instead of posting a second link', async () => {
    const t = await setup();
    const first = await escalate(t.deps, agent, t.conversationId);
    const second = await escalate(t.deps, agent, t.conversationId);
    expect(second.reused).toBe(true);
    expect(second.escalation.id).toBe(first.escalation.id);
    expect(t.rooms.created).toHaveLength(1);
    expect(await t.conversations.listMessages(t.conversationId)).toHaveLength(1);
  });

  it('sends a fresh link for a call still open whose link expired; the old link stops working', async () => {
    const t = await setup({ LINK_TTL_SECONDS: '60' });
    const first = await escalate(t.deps, agent, t.conversationId);
    t.advance(61);
    const second = await escalate(t.deps, agent, t.conversationId);
    expect(second.reused).toBe(false);
    expect(second.escalation.id).toBe(first.escalation.id);
    expect(second.customerLink).not.toBe(first.customerLink);
    expect(t.rooms.created).toHaveLength(1);
    const links = (await t.conversations.listMessages(t.conversationId)).filter((m) => m.attributes.type === LINK_MESSAGE_TYPE);
    expect(links.map((m) => m.attributes.url)).toEqual([first.customerLink, second.customerLink]);
    expect(await checkLink(t.deps, tokenOf(second.customerLink))).toMatchObject({ agentName: 'Alex' });
    expect(await codeOf(checkLink(t.deps, tokenOf(first.customerLink)))).toMatch(/^401 link_(expired|revoked|invalid|replaced)$/);
  });

  it('lets only the owner or a supervisor re-enter a live call; another agent gets neither link nor media', async () => {
    const t = await setup();
    const first = await escalate(t.deps, agent, t.conversationId);
    expect(await codeOf(escalate(t.deps, otherAgent, t.conversationId))).toBe('403 call_owned_by_another_agent');
    const bySupervisor = await escalate(t.deps, supervisor, t.conversationId);
    expect(bySupervisor.escalation.id).toBe(first.escalation.id);
    expect(bySupervisor.agentAccess.identity).toBe(`agent:${supervisor.identity}`);
    expect((await escalate(t.deps, agent, t.conversationId)).escalation.id).toBe(first.escalation.id);
  });

  it('a double click makes one escalation and one link', async () => {
    const t = await setup();
    const [a, b] = await Promise.all([escalate(t.deps, agent, t.conversationId), escalate(t.deps, agent, t.conversationId)]);
    expect(b.escalation.id).toBe(a.escalation.id);
    expect((await t.conversations.listMessages(t.conversationId)).filter((m) => m.attributes.type === LINK_MESSAGE_TYPE)).toHaveLength(1);
    expect(await t.deps.escalations.listActive()).toHaveLength(1);
    // Every room but the call's own was closed again.
    expect(t.rooms.created.map((r) => r.name).filter((n) => !t.rooms.ended.includes(n))).toEqual([a.escalation.roomName]);
  });

  it('the click that loses the race in the store closes its own room and opens the winner', async () => {
    const t = await setup();
    const winner = await escalate(t.deps, agent, t.conversationId);
    // The loser checked before the winner's insert landed: it saw no active call.
    const find = t.deps.escalations.findActiveByConversation.bind(t.deps.escalations);
    let calls = 0;
    t.deps.escalations.findActiveByConversation = async (id) => (calls++ === 0 ? null : find(id));
    const loser = await escalate(t.deps, agent, t.conversationId);
    expect(loser.escalation.id).toBe(winner.escalation.id);
    expect(loser.reused).toBe(true);
    expect(t.rooms.created).toHaveLength(2);
    expect(t.rooms.ended).toEqual([t.rooms.created[1].name]);
    expect((await t.conversations.listMessages(t.conversationId)).filter((m) => m.attributes.type === LINK_MESSAGE_TYPE)).toHaveLength(1);
  });

  it('records the agent consent for a recorded call', async () => {
    const t = await setup();
    const { escalation } = await escalate(t.deps, agent, t.conversationId, { userAgent: 'AgentBrowser/2.0' });
    expect(await t.deps.consents.listByEscalation(escalation.id)).toEqual([
      expect.objectContaining({ participantIdentity: 'agent:alex', role: 'agent', noticeVersion: RECORDING_NOTICE.version, userAgent: 'AgentBrowser/2.0' }),
    ]);
  });

  it('gives each escalation a distinct customer identity', async () => {
    const t = await setup();
    const first = await escalate(t.deps, agent, t.conversationId);
    await endCall(t.deps, agent, first.escalation.id);
    const second = await escalate(t.deps, agent, t.conversationId);
    expect(second.escalation.customerIdentity).not.toBe(first.escalation.customerIdentity);
    expect(second.escalation.customerIdentity).toMatch(/^customer:/);
  });

  it('refuses unknown conversations and staff without a role', async () => {
    const t = await setup();
    expect(await codeOf(escalate(t.deps, agent, 'CHnope'))).toBe('404 conversation_not_found');
    expect(await codeOf(escalate(t.deps, { ...agent, roles: [] }, t.conversationId))).toBe('403 role_required');
  });

  it('honours RECORDING_ENABLED=false', async () => {
    const t = await setup({ RECORDING_ENABLED: 'false' });
    const result = await escalate(t.deps, agent, t.conversationId);
    expect(t.rooms.created[0].recording).toBe(false);
    expect(await checkLink(t.deps, tokenOf(result.customerLink))).toMatchObject({ recording: false });
  });
});

describe('join', () => {
  it('grants the customer access bound to this room and identity', async () => {
    const t = await setup();
    const { escalation, customerLink } = await escalate(t.deps, agent, t.conversationId);
    const joined = await join(t.deps, tokenOf(customerLink), false, CONSENT);
    expect(joined.access).toMatchObject({ roomName: escalation.roomName, identity: escalation.customerIdentity, role: 'customer' });
    expect(joined.agentName).toBe('Alex');
  });

  it('refuses a recorded call without consent to the current notice, and stores the consent it accepts', async () => {
    const t = await setup();
    const { customerLink, escalation } = await escalate(t.deps, agent, t.conversationId);
    const token = tokenOf(customerLink);
    expect((await checkLink(t.deps, token)).notice).toEqual(RECORDING_NOTICE);
    expect(await codeOf(join(t.deps, token, false, { consent: false }))).toBe('403 consent_required');
    expect(await codeOf(join(t.deps, token, false, { consent: true, noticeVersion: 'old' }))).toBe('409 notice_changed');
    expect(await t.deps.consents.listByEscalation(escalation.id)).toHaveLength(1); // the agent's only
    await join(t.deps, token, false, CONSENT);
    const customer = (await t.deps.consents.listByEscalation(escalation.id)).filter((c) => c.role === 'customer');
    expect(customer).toEqual([
      expect.objectContaining({
        participantIdentity: escalation.customerIdentity,
        roomName: escalation.roomName,
        noticeVersion: RECORDING_NOTICE.version,
        noticeText: RECORDING_NOTICE.text,
        userAgent: 'TestBrowser/1.0',
      }),
    ]);
  });

  it('needs no consent when the call is not recorded', async () => {
    const t = await setup({ RECORDING_ENABLED: 'false' });
    const { customerLink } = await escalate(t.deps, agent, t.conversationId);
    expect((await checkLink(t.deps, tokenOf(customerLink))).notice).toBeUndefined();
    expect((await join(t.deps, tokenOf(customerLink), false, { consent: false })).access.role).toBe('customer');
  });

  it('says the link expired after the configured TTL', async () => {
    const t = await setup({ LINK_TTL_SECONDS: '60' });
    const { customerLink } = await escalate(t.deps, agent, t.conversationId);
    t.advance(61);
    expect(await codeOf(join(t.deps, tokenOf(customerLink), false, CONSENT))).toBe('401 link_expired');
  });

  it('rejects tampered and forged links', async () => {
    const t = await setup();
    const token = tokenOf((await escalate(t.deps, agent, t.conversationId)).customerLink);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, room: 'esc-other' })).toString('base64url')}.${s}`;
    expect(await codeOf(join(t.deps, tampered, false, CONSENT))).toBe('401 link_invalid');
    const forged = await makeTestDeps({ LINK_SIGNING_SECRET: 'another-secret-another-secret-another!!' });
    const forgedToken = await forged.deps.links.sign({
      escalationId: claims.esc,
      conversationId: claims.conv,
      roomName: claims.room,
      customerIdentity: claims.sub,
      linkId: claims.jti,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect(await codeOf(join(t.deps, forgedToken, false, CONSENT))).toBe('401 link_invalid');
    expect(await codeOf(join(t.deps, 'not-a-jwt', false, CONSENT))).toBe('401 link_invalid');
  });

  it('refuses a second tab unless it takes over, and then disconnects the first', async () => {
    const t = await setup();
    const { escalation, customerLink } = await escalate(t.deps, agent, t.conversationId);
    t.rooms.connect(escalation.roomName, escalation.customerIdentity);
    expect(await checkLink(t.deps, tokenOf(customerLink))).toMatchObject({ inUse: true });
    expect(await codeOf(join(t.deps, tokenOf(customerLink), false, CONSENT))).toBe('409 link_in_use');
    expect(t.rooms.removed).toEqual([]);
    await join(t.deps, tokenOf(customerLink), true, CONSENT);
    expect(t.rooms.removed).toEqual([escalation.customerIdentity]);
  });
});

describe('endCall', () => {
  it('ends the room, revokes the link, tells the chat and queues the recording once', async () => {
    const t = await setup();
    const { escalation, customerLink } = await escalate(t.deps, agent, t.conversationId);
    const ended = await endCall(t.deps, agent, escalation.id);
    expect(ended.status).toBe('ended');
    expect(t.rooms.ended).toEqual([escalation.roomName]);
    expect(await codeOf(join(t.deps, tokenOf(customerLink), false, CONSENT))).toBe('410 call_ended');
    const types = (await t.conversations.listMessages(t.conversationId)).map((m) => m.attributes.type);
    expect(types).toEqual([LINK_MESSAGE_TYPE, ENDED_MESSAGE_TYPE]);
    expect(t.composed.map((r) => r.name)).toEqual([escalation.roomName]);

    await endCall(t.deps, agent, escalation.id); // twice is harmless: the room is not ended again
    expect(t.rooms.ended).toHaveLength(1);
    expect(t.composed.map((r) => r.name)).toEqual([escalation.roomName]); // the pipeline took the room once
    expect(await t.conversations.listMessages(t.conversationId)).toHaveLength(2);
    const conversation = await t.conversations.get(t.conversationId);
    expect(conversation?.attributes).toMatchObject({ crm: 42, videoEscalation: { status: 'ended' } });
  });

  it('completes what a failure halfway left undone when called again', async () => {
    const t = await setup();
    const { escalation } = await escalate(t.deps, agent, t.conversationId);
    const post = t.conversations.postMessage.bind(t.conversations);
    t.conversations.postMessage = async () => {
      throw new Error('conversations unavailable');
    };
    await expect(endCall(t.deps, agent, escalation.id)).rejects.toThrow('conversations unavailable');
    expect((await t.deps.escalations.get(escalation.id))?.status).toBe('ended');
    expect(t.composed).toHaveLength(0);

    t.conversations.postMessage = post;
    await endCall(t.deps, agent, escalation.id);
    expect(t.rooms.ended).toHaveLength(1);
    expect(t.composed).toHaveLength(1);
    const types = (await t.conversations.listMessages(t.conversationId)).map((m) => m.attributes.type);
    expect(types).toEqual([LINK_MESSAGE_TYPE, ENDED_MESSAGE_TYPE]);
  });

  it('lets the owner or a supervisor end the call, nobody else', async () => {
    const t = await setup();
    const { escalation } = await escalate(t.deps, agent, t.conversationId);
    expect(await codeOf(endCall(t.deps, otherAgent, escalation.id))).toBe('403 not_your_call');
    expect(await codeOf(endCall(t.deps, supervisor, 'nope'))).toBe('404 escalation_not_found');
    expect((await endCall(t.deps, supervisor, escalation.id)).endedBy).toBe('sue');
  });
});

describe('reconcileCalls (start-up after a crash)', () => {
  it('ends calls whose room is gone: link revoked, chat told, recording queued; open rooms are left alone; re-escalating works', async () => {
    const t = await setup();
    const lost = await escalate(t.deps, agent, t.conversationId);
    const other = await t.conversations.createConversation({ friendlyName: 'Still live', attributes: {} });
    const live = await escalate(t.deps, agent, other.id);
    t.rooms.lose(lost.escalation.roomName);

    const { ended, failed } = await reconcileCalls(t.deps);
    expect(failed).toEqual([]);
    expect(ended.map((e) => e.id)).toEqual([lost.escalation.id]);
    expect((await t.deps.escalations.get(live.escalation.id))?.status).toBe('active');
    expect(await codeOf(join(t.deps, tokenOf(lost.customerLink), false, CONSENT))).toBe('410 call_ended');
    const types = (await t.conversations.listMessages(t.conversationId)).map((m) => m.attributes.type);
    expect(types).toEqual([LINK_MESSAGE_TYPE, ENDED_MESSAGE_TYPE]);
    expect(await t.deps.pipeline.store.get(lost.escalation.roomName)).toMatchObject({ conversationId: t.conversationId });

    expect((await reconcileCalls(t.deps)).ended).toEqual([]); // twice changes nothing
    const again = await escalate(t.deps, agent, t.conversationId);
    expect(again.escalation.id).not.toBe(lost.escalation.id);
    expect(again.reused).toBe(false);
  });
});
