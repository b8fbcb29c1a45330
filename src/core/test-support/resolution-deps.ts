import { makeTestDeps, tokenOf } from './local-deps';

/** Core deps for resolution and survey tests (the SQL support log, the recording outbound queue) and one chat. */
export async function makeResolutionDeps(env: Record<string, string> = {}) {
  const t = await makeTestDeps(env);
  const supportEvents = t.deps.supportEvents;
  const { id: conversationId } = await t.conversations.createConversation({ friendlyName: 'Chat' });
  const surveys = async () => (await t.conversations.listMessages(conversationId)).filter((m) => m.attributes.type === 'support-survey');
  return {
    ...t,
    supportEvents,
    conversationId,
    surveys,
    /** The kinds of the chat's support events, oldest first. */
    kinds: async () => (await supportEvents.list(conversationId)).map((r) => r.event.kind),
    /** The token of the survey link in the chat's latest survey message. */
    surveyToken: async () => {
      const all = await surveys();
      return tokenOf(String(all[all.length - 1]!.attributes.url));
    },
  };
}
