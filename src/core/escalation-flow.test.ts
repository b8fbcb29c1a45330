import { DomainError } from '../domain/errors';
import { escalate, LINK_MESSAGE_TYPE } from './escalate';
import { checkLink, join } from './join';
import { endCall, ENDED_MESSAGE_TYPE } from './end-call';
import { agent, makeTestDeps, otherAgent, supervisor, tokenOf } from './test-support/local-deps';

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'resolved';
};

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
    const joined = await join(t.deps, tokenOf(customerLink), false);
    expect(joined.access).toMatchObject({ roomName: escalation.roomName, identity: escalation.customerIdentity, role: 'customer' });
    expect(joined.agentName).toBe('Alex');
  });

  it('says the link expired after the configured TTL', async () => {
    const t = await setup({ LINK_TTL_SECONDS: '60' });
    const { customerLink } = await escalate(t.deps, agent, t.conversationId);
    t.advance(61);
    expect(await codeOf(join(t.deps, tokenOf(customerLink), false))).toBe('401 link_expired');
  });

  it('rejects tampered and forged links', async () => {
    const t = await setup();
    const token = tokenOf((await escalate(t.deps, agent, t.conversationId)).customerLink);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, room: 'esc-other' })).toString('base64url')}.${s}`;
    expect(await codeOf(join(t.deps, tampered, false))).toBe('401 link_invalid');
    const forged = await makeTestDeps({ LINK_SIGNING_SECRET: 'another-secret-another-secret-another!!' });
    const forgedToken = await forged.deps.links.sign({
      escalationId: claims.esc,
      conversationId: claims.conv,
      roomName: claims.room,
      customerIdentity: claims.sub,
      linkId: claims.jti,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect(await codeOf(join(t.deps, forgedToken, false))).toBe('401 link_invalid');
    expect(await codeOf(join(t.deps, 'not-a-jwt', false))).toBe('401 link_invalid');
  });

  it('refuses a second tab unless it takes over, and then disconnects the first', async () => {
    const t = await setup();
    const { escalation, customerLink } = await escalate(t.deps, agent, t.conversationId);
    t.rooms.connect(escalation.roomName, escalation.customerIdentity);
    expect(await checkLink(t.deps, tokenOf(customerLink))).toMatchObject({ inUse: true });
    expect(await codeOf(join(t.deps, tokenOf(customerLink), false))).toBe('409 link_in_use');
    expect(t.rooms.removed).toEqual([]);
    await join(t.deps, tokenOf(customerLink), true);
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
    expect(await codeOf(join(t.deps, tokenOf(customerLink), false))).toBe('410 call_ended');
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
