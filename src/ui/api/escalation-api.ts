import type { EndCallResponse, EscalateResponse, FunctionsContract, OfferClipResponse } from '../../api/contract';
import { requestJson } from '../../client/request-json';

/** What the agent's UI asks of the Functions; the Flex plugin and the local console share it. */
export interface EscalationApi {
  escalate(conversationId: string): Promise<EscalateResponse>;
  endCall(escalationId: string): Promise<EndCallResponse>;
  /** Posts the customer a recording link for an async clip. */
  offerClip(conversationId: string): Promise<OfferClipResponse>;
}

export interface EscalationApiOptions {
  /** Where the Functions are: '' for the same origin (local stack), the Functions domain in Flex. */
  baseUrl: string;
  /** The agent's token at the moment of the call (Flex refreshes it: read it each time). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

/** The Functions over HTTP, with the agent's token sent the Flex way (`Token` in the body). */
export function httpEscalationApi({ baseUrl, token, fetchImpl }: EscalationApiOptions): EscalationApi {
  const call = <P extends keyof FunctionsContract>(path: P, body: FunctionsContract[P]['request']) =>
    requestJson<FunctionsContract[P]['response']>(`${baseUrl.replace(/\/$/, '')}${path}`, { method: 'POST', body: { ...body, Token: token() ?? '' } }, fetchImpl);
  return {
    escalate: (conversationId) => call('/escalate', { conversationId }),
    endCall: (escalationId) => call('/end-call', { escalationId }),
    offerClip: (conversationId) => call('/offer-clip', { conversationId }),
  };
}
