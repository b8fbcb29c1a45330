import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Config } from '../../../config';
import { DomainError } from '../../../domain/errors';
import { hasRole, type StaffIdentity } from '../../../domain/identity';
import type { LocalChatTokens } from '../local-chat-tokens';
import type { LocalIdentity } from '../local-identity';
import type { SqlConversations } from '../../sql/sql-conversations';
import { noteMessage } from '../../../core/support/note-message';
import type { SupportEventDeps } from '../../../core/support/note-support-event';
import type { ConversationFeed } from './conversation-feed';
import { mediaCookie } from './cookies';
import { bearerToken, methodNotAllowed, readJson, sendJson } from './http-helpers';
import { CHAT_MEDIA_COOKIE, CHAT_MEDIA_COOKIE_TTL_SECONDS, STAFF_MEDIA_COOKIE } from './recording-media-routes';

export interface LocalApiDeps {
  config: Config;
  identity: LocalIdentity;
  chatTokens: LocalChatTokens;
  conversations: SqlConversations;
  feed: ConversationFeed;
  /** The support event log: each chat message is counted, and a customer's read by the suggestion rules. */
  support: SupportEventDeps;
}

const SIGN_IN_TTL_SECONDS = 12 * 60 * 60;
const signInSchema = z.object({ role: z.enum(['agent', 'supervisor']).default('agent') });
const messageSchema = z.object({ body: z.string().trim().min(1, 'write a message first').max(4000) });

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('invalid_request', 'invalid_request', parsed.error.issues.map((i) => i.message).join('; '));
  }
  return parsed.data;
}

/**
 * The local stand-ins for what Flex and the customer's chat channel provide in production: agent
 * sign-in, the agent's conversation list and chat, and the customer's chat. Returns false when
 * the path is not one of these routes.
 */
export async function handleLocalApi(deps: LocalApiDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  const method = req.method ?? 'GET';
  // Each path's methods are checked before anything else: a wrong one is a 405 naming the right ones.
  const allow = (...methods: string[]) => {
    if (!methods.includes(method)) throw methodNotAllowed(methods);
  };

  if (path === '/api/local/sign-in') {
    allow('POST');
    // Loopback-only demo sign-in for the configured agent: the local stack has one user.
    const { role } = parse(signInSchema, await readJson(req));
    const who: StaffIdentity =
      role === 'supervisor'
        ? { identity: `${deps.config.LOCAL_AGENT_ID}-supervisor`, name: 'Supervisor', roles: ['supervisor'] }
        : { identity: deps.config.LOCAL_AGENT_ID, name: deps.config.LOCAL_AGENT_NAME, roles: ['agent'] };
    const token = await deps.identity.issue(who, SIGN_IN_TTL_SECONDS);
    // Recording players (<video>, <track>) cannot send headers: they use an HttpOnly media cookie.
    res.setHeader('Set-Cookie', mediaCookie(STAFF_MEDIA_COOKIE, token, SIGN_IN_TTL_SECONDS));
    sendJson(res, 200, { token, ...who });
    return true;
  }

  if (path === '/api/local/sign-out') {
    allow('POST');
    await deps.identity.revoke(bearerToken(req) ?? '');
    res.setHeader('Set-Cookie', mediaCookie(STAFF_MEDIA_COOKIE, '', 0));
    sendJson(res, 200, { signedOut: true });
    return true;
  }

  const staffRoute = /^\/api\/local\/conversations(?:\/([A-Za-z0-9_-]{1,64})\/(messages|events))?$/.exec(path);
  if (staffRoute) {
    const [, conversationId, resource] = staffRoute;
    allow(...methodsOf(resource));
    const staff = await staffOf(deps, req);
    if (!hasRole(staff, 'agent', 'supervisor', 'admin')) throw new DomainError('forbidden', 'role_required', 'Agents only.');
    if (!conversationId) {
      sendJson(res, 200, { conversations: await deps.conversations.list() });
      return true;
    }
    await conversationRoutes(deps, req, res, conversationId, resource, { name: staff.name, side: 'agent' });
    return true;
  }

  const chatRoute = /^\/api\/local\/chat(?:\/(messages|events))?$/.exec(path);
  if (chatRoute) {
    const [, resource] = chatRoute;
    allow(...methodsOf(resource));
    const conversationId = await deps.chatTokens.verify(bearerToken(req) ?? '');
    if (!conversationId) throw new DomainError('unauthorized', 'chat_token_invalid', 'This chat link is not valid.');
    if (!resource) {
      // The customer's own recordings play in their chat by this credential (the policy decides).
      res.setHeader('Set-Cookie', mediaCookie(CHAT_MEDIA_COOKIE, bearerToken(req) ?? '', CHAT_MEDIA_COOKIE_TTL_SECONDS));
      sendJson(res, 200, { conversation: await deps.conversations.get(conversationId) });
      return true;
    }
    await conversationRoutes(deps, req, res, conversationId, resource, { name: 'Customer', side: 'customer' });
    return true;
  }
  return false;
}

/** The methods of a conversation resource: the list and the feed are read-only, messages may be posted. */
const methodsOf = (resource: string | undefined): string[] => (resource === 'messages' ? ['GET', 'POST'] : ['GET']);

async function conversationRoutes(
  deps: LocalApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  conversationId: string,
  resource: string,
  author: { name: string; side: 'agent' | 'customer' },
): Promise<void> {
  if (!(await deps.conversations.get(conversationId))) {
    throw new DomainError('not_found', 'conversation_not_found', 'No such conversation.');
  }
  if (resource === 'events') return deps.feed.stream(req, res, conversationId);
  if (req.method === 'GET') return sendJson(res, 200, { messages: await deps.conversations.listMessages(conversationId) });
  const { body } = parse(messageSchema, await readJson(req));
  // Counted (and read by the suggestion rules) before it is posted: when the agent's console sees
  // the message, a suggestion it raised is already there to ask for.
  await noteMessage(deps.support, conversationId, { side: author.side, hasMedia: false, text: author.side === 'customer' ? body : undefined });
  sendJson(res, 201, { message: await deps.conversations.postMessage(conversationId, { author: author.name, body }) });
}

async function staffOf(deps: LocalApiDeps, req: IncomingMessage): Promise<StaffIdentity> {
  const token = bearerToken(req);
  if (!token) throw new DomainError('unauthorized', 'token_missing', 'Sign in first.');
  return deps.identity.verify(token);
}
