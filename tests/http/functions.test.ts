import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomerLinks } from '../../src/core/customer-link';
import { RECORDING_NOTICE } from '../../src/domain/consent';
import { LocalIdentity } from '../../src/adapters/local/local-identity';
import { linkTokenOf, startTestStack, type TestStack } from '../support/test-stack';

jest.setTimeout(60_000);

let stack: TestStack;
let agentToken: string;

beforeAll(async () => {
  stack = await startTestStack({ LOG_LEVEL: 'info' }); // info: the log-secrecy check below reads every line
  agentToken = await stack.signIn();
});
afterAll(async () => {
  await stack?.close();
});

const newConversation = async () => (await stack.backend.conversations.createConversation({ friendlyName: 'HTTP test' })).id;
const secrets = () => JSON.parse(readFileSync(join(stack.dataDir, 'secrets.json'), 'utf8'));

/** Every refusal is a 4xx with a JSON error naming a code. */
function expectJsonError(res: { status: number; body: any }, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(typeof res.body.error?.code).toBe('string');
  expect(typeof res.body.error?.message).toBe('string');
  if (code) expect(res.body.error.code).toBe(code);
}

describe('POST /escalate', () => {
  it('creates the room, posts the signed link into the chat and returns agent access', async () => {
    const conversationId = await newConversation();
    const res = await stack.post('/escalate', { Token: agentToken, conversationId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reused: false, recording: true, access: { provider: 'janus', role: 'agent', identity: 'agent:alex' } });
    expect(res.body.customerLink).toMatch(new RegExp(`^${stack.url}/join\\.html#t=`));
    expect(res.body.access.serverUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+/);
    const messages = await stack.backend.conversations.listMessages(conversationId);
    expect(messages.map((m) => m.attributes.url)).toEqual([res.body.customerLink]);
  });

  it('refuses a missing, forged, expired, revoked or wrong-kind token with 401', async () => {
    const conversationId = await newConversation();
    expectJsonError(await stack.post('/escalate', { conversationId }), 401, 'token_missing');
    const forged = await new LocalIdentity('x'.repeat(40)).issue({ identity: 'alex', name: 'A', roles: ['agent'] });
    expectJsonError(await stack.post('/escalate', { Token: forged, conversationId }), 401, 'token_invalid');
    const shortLived = await new LocalIdentity(secrets().localAgentSecret).issue({ identity: 'alex', name: 'A', roles: ['agent'] }, 1);
    await new Promise((r) => setTimeout(r, 2100));
    expectJsonError(await stack.post('/escalate', { Token: shortLived, conversationId }), 401, 'token_invalid');
    const signedOut = await stack.signIn();
    expect((await stack.post('/api/local/sign-out', {}, { Authorization: `Bearer ${signedOut}` })).status).toBe(200);
    expectJsonError(await stack.post('/escalate', { Token: signedOut, conversationId }), 401, 'token_invalid');
    const chatToken = await stack.chatTokens.issue(conversationId);
    expectJsonError(await stack.post('/escalate', { Token: chatToken, conversationId }), 401, 'token_invalid');
    expect(await stack.backend.conversations.listMessages(conversationId)).toEqual([]);
  });

  it('rejects malformed bodies with 400 and unknown conversations with 404', async () => {
    expectJsonError(await stack.post('/escalate', { Token: agentToken }), 400, 'invalid_request');
    expectJsonError(await stack.post('/escalate', { Token: agentToken, conversationId: '../../etc' }), 400, 'invalid_request');
    expectJsonError(await stack.post('/escalate', { Token: agentToken, conversationId: 7 }), 400, 'invalid_request');
    expectJsonError(await stack.post('/escalate', '{"Token": "x", ', {}), 400, 'invalid_json');
    expectJsonError(await stack.post('/escalate', { Token: agentToken, conversationId: 'CHdoesnotexist' }), 404, 'conversation_not_found');
  });
});

describe('POST /customer-token', () => {
  let conversationId: string;
  let link: string;
  let escalationId: string;

  beforeAll(async () => {
    conversationId = await newConversation();
    const res = await stack.post('/escalate', { Token: agentToken, conversationId });
    link = res.body.customerLink;
    escalationId = res.body.escalationId;
  });

  it('checks a valid link, then grants the customer access to that room only', async () => {
    const check = await stack.post('/customer-token', { linkToken: linkTokenOf(link), action: 'check' });
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ agentName: 'Alex (Agent)', recording: true, notice: RECORDING_NOTICE, expiresAt: expect.any(String), inUse: false });
    const joined = await stack.post('/customer-token', { linkToken: linkTokenOf(link), action: 'join', consent: true, noticeVersion: RECORDING_NOTICE.version });
    expect(joined.status).toBe(200);
    expect(joined.body.access).toMatchObject({ provider: 'janus', role: 'customer', identity: expect.stringMatching(/^customer:/) });
    const escalation = await stack.backend.deps.escalations.get(escalationId);
    expect(joined.body.access.roomName).toBe(escalation?.roomName);
  });

  it('refuses forged, tampered, expired and malformed links with a 4xx JSON error', async () => {
    const token = linkTokenOf(link);
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = [h, Buffer.from(JSON.stringify({ ...claims, conv: 'CHother' })).toString('base64url'), s].join('.');
    expectJsonError(await stack.post('/customer-token', { linkToken: tampered }), 401, 'link_invalid');

    const sign = (secret: string, expiresAt: Date) =>
      new CustomerLinks(secret, stack.url).sign({
        escalationId: claims.esc,
        conversationId: claims.conv,
        roomName: claims.room,
        customerIdentity: claims.sub,
        linkId: claims.jti,
        expiresAt,
      });
    const forged = await sign('f'.repeat(40), new Date(Date.now() + 3600_000));
    expectJsonError(await stack.post('/customer-token', { linkToken: forged }), 401, 'link_invalid');
    const expired = await sign(secrets().linkSigningSecret, new Date(Date.now() - 1000));
    expectJsonError(await stack.post('/customer-token', { linkToken: expired }), 401, 'link_expired');

    expectJsonError(await stack.post('/customer-token', {}), 400, 'invalid_request');
    expectJsonError(await stack.post('/customer-token', { linkToken: token, action: 'delete' }), 400, 'invalid_request');
    expectJsonError(await stack.post('/customer-token', { linkToken: 'x'.repeat(5000) }), 400, 'invalid_request');
    expectJsonError(await stack.post('/customer-token', 'not json'), 400, 'invalid_json');
  });

  it('says the call ended once the agent ends it (the link is revoked)', async () => {
    const end = await stack.post('/end-call', { Token: agentToken, escalationId });
    expect(end.status).toBe(200);
    expectJsonError(await stack.post('/customer-token', { linkToken: linkTokenOf(link), action: 'check' }), 410, 'call_ended');
    expectJsonError(await stack.post('/customer-token', { linkToken: linkTokenOf(link), action: 'join' }), 410, 'call_ended');
  });
});

describe('POST /end-call', () => {
  it('ends the call once; ending again is harmless; a supervisor may end it too', async () => {
    const conversationId = await newConversation();
    const { body } = await stack.post('/escalate', { Token: agentToken, conversationId });
    const first = await stack.post('/end-call', { Token: agentToken, escalationId: body.escalationId });
    expect(first).toMatchObject({ status: 200, body: { status: 'ended', escalationId: body.escalationId } });
    const again = await stack.post('/end-call', { Token: agentToken, escalationId: body.escalationId });
    expect(again.body.endedAt).toBe(first.body.endedAt);
    const ended = (await stack.backend.conversations.listMessages(conversationId)).filter(
      (m) => m.attributes.type === 'video-escalation-ended',
    );
    expect(ended).toHaveLength(1);

    const other = await stack.post('/escalate', { Token: agentToken, conversationId: await newConversation() });
    const supervisorToken = await stack.signIn('supervisor');
    const bySupervisor = await stack.post('/end-call', { Token: supervisorToken, escalationId: other.body.escalationId });
    expect(bySupervisor.status).toBe(200);
  });

  it('refuses missing and forged tokens, malformed ids and unknown calls', async () => {
    expectJsonError(await stack.post('/end-call', { escalationId: 'abc' }), 401, 'token_missing');
    const forged = await new LocalIdentity('y'.repeat(40)).issue({ identity: 'alex', name: 'A', roles: ['agent'] });
    expectJsonError(await stack.post('/end-call', { Token: forged, escalationId: 'abc' }), 401, 'token_invalid');
    const signedOut = await stack.signIn();
    await stack.post('/api/local/sign-out', {}, { Authorization: `Bearer ${signedOut}` });
    expectJsonError(await stack.post('/end-call', { Token: signedOut, escalationId: 'abc' }), 401, 'token_invalid');
    expectJsonError(await stack.post('/end-call', { Token: agentToken }), 400, 'invalid_request');
    expectJsonError(await stack.post('/end-call', { Token: agentToken, escalationId: 'a b' }), 400, 'invalid_request');
    expectJsonError(await stack.post('/end-call', { Token: agentToken, escalationId: 'nope' }), 404, 'escalation_not_found');
  });
});

describe('logs', () => {
  it('never contain a token or a secret, even after refused requests', async () => {
    // Make sure something was logged: a refused call and a failing one.
    await stack.post('/customer-token', { linkToken: 'eyJhbGciOiJIUzI1NiJ9.eyJmb3JnZWQiOnRydWV9.c2ln' });
    await stack.post('/escalate', { Token: agentToken, conversationId: 'CHmissing' });
    await new Promise((r) => setTimeout(r, 300));
    const functionsLog = readFileSync(join(stack.dataDir, 'logs/functions.log'), 'utf8');
    expect(functionsLog).toMatch(/"fn":"customer-token".*"code":"link_invalid"/); // the refusals were logged
    const logs = `${functionsLog}\n${readFileSync(join(stack.dataDir, 'janus/janus.log'), 'utf8')}`;
    const { linkSigningSecret, localAgentSecret } = secrets();
    expect(logs).not.toContain(linkSigningSecret);
    expect(logs).not.toContain(localAgentSecret);
    expect(logs).not.toContain(agentToken);
    expect(logs).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/); // no JWT of any kind (agent tokens, customer links)
  });
});
