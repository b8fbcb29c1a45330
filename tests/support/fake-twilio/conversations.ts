import { pageOf } from './paging';
import { newSid, twilioTime, type FakeTwilioState, type Resource } from './state';
import { checkAttributes, checkBody, LIMITS } from './conversation-limits';
import { badRequest, notFound, one, type Params, type Route } from './types';

const HOST = 'conversations.twilio.com';

/** Attributes travel and are stored as a JSON string, as on Twilio; invalid JSON and oversize attributes are refused. */
const attributesParam = (form: Params, fallback: string, max: number, what: string): string => {
  const raw = one(form, 'Attributes');
  if (raw === undefined) return fallback;
  try {
    JSON.parse(raw);
  } catch {
    throw badRequest(50200, 'Attributes must be a valid JSON string');
  }
  checkAttributes(raw, max, what);
  return raw;
};
const conversationAttributes = (form: Params, fallback: string) => attributesParam(form, fallback, LIMITS.conversationAttributesBytes, 'Conversation');
const messageAttributes = (form: Params, fallback: string) => attributesParam(form, fallback, LIMITS.messageAttributesBytes, 'Message');

/** Does any participant reach this conversation by SMS or WhatsApp (a messaging binding, not chat)? */
const hasSmsOrWhatsApp = (state: FakeTwilioState, conversationSid: string): boolean =>
  (state.conversationParticipants.get(conversationSid) ?? []).some((p) => p.messaging_binding !== null);

export function createConversation(state: FakeTwilioState, form: Params, sid = newSid('CH')): Resource {
  const now = twilioTime();
  const url = `https://${HOST}/v1/Conversations/${sid}`;
  const conversation: Resource = {
    account_sid: state.accountSid,
    chat_service_sid: `IS${'0'.repeat(32)}`,
    messaging_service_sid: `MG${'0'.repeat(32)}`,
    sid,
    friendly_name: one(form, 'FriendlyName') ?? null,
    unique_name: one(form, 'UniqueName') ?? null,
    attributes: conversationAttributes(form, '{}'),
    state: one(form, 'State') ?? 'active',
    date_created: now,
    date_updated: now,
    timers: {},
    url,
    links: { participants: `${url}/Participants`, messages: `${url}/Messages`, webhooks: `${url}/Webhooks` },
    bindings: null,
  };
  state.conversations.set(sid, conversation);
  state.messages.set(sid, []);
  state.conversationParticipants.set(sid, []);
  return conversation;
}

export function findConversation(state: FakeTwilioState, sidOrUniqueName: string, path: string): Resource {
  const bySid = state.conversations.get(sidOrUniqueName);
  if (bySid) return bySid;
  for (const c of state.conversations.values()) if (c.unique_name === sidOrUniqueName) return c;
  throw notFound(path);
}

export function addMessage(state: FakeTwilioState, conversation: Resource, form: Params): Resource {
  const list = state.messages.get(conversation.sid)!;
  checkBody(one(form, 'Body'), hasSmsOrWhatsApp(state, conversation.sid));
  const sid = newSid('IM');
  const now = twilioTime();
  const url = `https://${HOST}/v1/Conversations/${conversation.sid}/Messages/${sid}`;
  const message: Resource = {
    account_sid: state.accountSid,
    conversation_sid: conversation.sid,
    sid,
    index: list.length ? list[list.length - 1].index + 1 : 0,
    author: one(form, 'Author') ?? 'system',
    body: one(form, 'Body') ?? null,
    media: null,
    attributes: messageAttributes(form, '{}'),
    participant_sid: null,
    date_created: now,
    date_updated: now,
    url,
    delivery: null,
    links: { delivery_receipts: `${url}/Receipts`, channel_metadata: `${url}/ChannelMetadata` },
    content_sid: null,
  };
  list.push(message);
  return message;
}

export const conversationRoutes: Route[] = [
  { method: 'POST', host: HOST, path: /^\/v1\/Conversations$/, handle: (req, _g, { state }) => ({ status: 201, body: createConversation(state, req.form) }) },
  { method: 'GET', host: HOST, path: /^\/v1\/Conversations\/([^/]+)$/, handle: (req, [id], { state }) => ({ status: 200, body: findConversation(state, id, req.path) }) },
  {
    method: 'POST',
    host: HOST,
    path: /^\/v1\/Conversations\/([^/]+)$/,
    handle: (req, [id], { state }) => {
      const c = findConversation(state, id, req.path);
      c.attributes = conversationAttributes(req.form, c.attributes);
      c.friendly_name = one(req.form, 'FriendlyName') ?? c.friendly_name;
      c.unique_name = one(req.form, 'UniqueName') ?? c.unique_name;
      c.state = one(req.form, 'State') ?? c.state;
      c.date_updated = twilioTime();
      return { status: 200, body: c };
    },
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Conversations\/([^/]+)\/Messages$/,
    handle: (req, [id], { state }) => {
      const c = findConversation(state, id, req.path);
      const list = state.messages.get(c.sid)!;
      return pageOf(req, 'messages', one(req.query, 'Order') === 'desc' ? [...list].reverse() : list);
    },
  },
  {
    method: 'POST',
    host: HOST,
    path: /^\/v1\/Conversations\/([^/]+)\/Messages$/,
    handle: (req, [id], { state }) => ({ status: 201, body: addMessage(state, findConversation(state, id, req.path), req.form) }),
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Conversations\/([^/]+)\/Messages\/([^/]+)$/,
    handle: (req, [id, sidOrIndex], { state }) => {
      const c = findConversation(state, id, req.path);
      const m = state.messages.get(c.sid)!.find((x) => x.sid === sidOrIndex || String(x.index) === sidOrIndex);
      if (!m) throw notFound(req.path);
      return { status: 200, body: m };
    },
  },
  {
    method: 'POST',
    host: HOST,
    path: /^\/v1\/Conversations\/([^/]+)\/Messages\/([^/]+)$/,
    handle: (req, [id, sid], { state }) => {
      const c = findConversation(state, id, req.path);
      const m = state.messages.get(c.sid)!.find((x) => x.sid === sid);
      if (!m) throw notFound(req.path);
      m.attributes = messageAttributes(req.form, m.attributes);
      checkBody(one(req.form, 'Body'), hasSmsOrWhatsApp(state, c.sid));
      m.body = one(req.form, 'Body') ?? m.body;
      m.author = one(req.form, 'Author') ?? m.author;
      m.date_updated = twilioTime();
      return { status: 200, body: m };
    },
  },
  {
    method: 'POST',
    host: HOST,
    path: /^\/v1\/Conversations\/([^/]+)\/Participants$/,
    handle: (req, [id], { state }) => ({ status: 201, body: addConversationParticipant(state, findConversation(state, id, req.path), req.form) }),
  },
  {
    method: 'GET',
    host: HOST,
    path: /^\/v1\/Conversations\/([^/]+)\/Participants$/,
    handle: (req, [id], { state }) => pageOf(req, 'participants', state.conversationParticipants.get(findConversation(state, id, req.path).sid) ?? []),
  },
];

/**
 * A conversation participant: a chat identity, or an SMS/WhatsApp address (`MessagingBinding.Address`,
 * `whatsapp:` prefixed for WhatsApp) that makes the conversation's bodies count against SMS's limit.
 */
export function addConversationParticipant(state: FakeTwilioState, conversation: Resource, form: Params): Resource {
  const address = one(form, 'MessagingBinding.Address');
  const attributes = attributesParam(form, '{}', LIMITS.participantAttributesBytes, 'Participant');
  const participant: Resource = {
    account_sid: state.accountSid,
    conversation_sid: conversation.sid,
    sid: newSid('MB'),
    identity: one(form, 'Identity') ?? null,
    attributes,
    messaging_binding: address ? { type: address.startsWith('whatsapp:') ? 'whatsapp' : 'sms', address, proxy_address: one(form, 'MessagingBinding.ProxyAddress') ?? null } : null,
    date_created: twilioTime(),
  };
  state.conversationParticipants.get(conversation.sid)!.push(participant);
  return participant;
}
