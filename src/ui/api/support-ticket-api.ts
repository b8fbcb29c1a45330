import type { SupportTicketResponse, TicketVideoFacts, VideoSuggestion } from '../../api/support-ticket-contract';
import { staffFunctionCall, type StaffFunctionsOptions } from './staff-functions';

/** The agent's side of a ticket (`/support-ticket`); Flex and the local console share it. */
export interface SupportTicketApi {
  /** The agent took the ticket; answers with a suggestion already waiting, if any. */
  joined(conversationId: string, extra?: { timeZone?: string; team?: string }): Promise<VideoSuggestion | null>;
  suggestion(conversationId: string): Promise<VideoSuggestion | null>;
  dismiss(conversationId: string): Promise<void>;
  facts(conversationId: string): Promise<TicketVideoFacts>;
}

type Answer<A extends SupportTicketResponse['action']> = Extract<SupportTicketResponse, { action: A }>;

export function httpSupportTicketApi(options: StaffFunctionsOptions): SupportTicketApi {
  const call = staffFunctionCall(options);
  return {
    joined: async (conversationId, extra = {}) => (await call<'/support-ticket', Answer<'joined'>>('/support-ticket', { action: 'joined', conversationId, ...extra })).suggestion,
    suggestion: async (conversationId) => (await call<'/support-ticket', Answer<'suggestion'>>('/support-ticket', { action: 'suggestion', conversationId })).suggestion,
    dismiss: async (conversationId) => void (await call('/support-ticket', { action: 'dismiss', conversationId })),
    facts: async (conversationId) => (await call<'/support-ticket', Answer<'facts'>>('/support-ticket', { action: 'facts', conversationId })).facts,
  };
}

/** The browser's own time zone (IANA), as the log keeps it per side; undefined where `Intl` cannot say. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
