import type { EndCallResponse, EscalateResponse, OfferClipResponse } from '../../api/contract';
import { staffFunctionCall, type StaffFunctionsOptions } from './staff-functions';

/** What the agent's UI asks of the Functions; the Flex plugin and the local console share it. */
/** How an offer of video was made (#20): through a suggestion, with the agent's own words before the link. */
export interface VideoInvitation {
  viaSuggestion?: boolean;
  message?: string;
}

export interface EscalationApi {
  escalate(conversationId: string, invitation?: VideoInvitation): Promise<EscalateResponse>;
  endCall(escalationId: string): Promise<EndCallResponse>;
  /** Posts the customer a recording link for an async clip. */
  offerClip(conversationId: string, invitation?: VideoInvitation): Promise<OfferClipResponse>;
}

export type EscalationApiOptions = StaffFunctionsOptions;

/** The Functions over HTTP, with the agent's token sent the Flex way (`Token` in the body). */
export function httpEscalationApi(options: EscalationApiOptions): EscalationApi {
  const call = staffFunctionCall(options);
  return {
    escalate: (conversationId, invitation) => call('/escalate', { conversationId, ...invitation }),
    endCall: (escalationId) => call('/end-call', { escalationId }),
    offerClip: (conversationId, invitation) => call('/offer-clip', { conversationId, ...invitation }),
  };
}
