import type { FunctionsContract } from '../../api/contract';
import { requestJson } from '../../client/request-json';

/** Where the staff's Functions are and whose token goes with each call. */
export interface StaffFunctionsOptions {
  /** '' for the same origin (local stack), the Functions domain in Flex. */
  baseUrl: string;
  /** The staff token at the moment of the call (Flex refreshes it: read it each time). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

/**
 * One typed call of a JSON Function for staff pages (Flex and the local console alike): POST to
 * the contract's path, with the token sent the Flex way (`Token` in the body); the path picks the
 * request and answer types (src/api/contract.ts).
 */
export function staffFunctionCall({ baseUrl, token, fetchImpl }: StaffFunctionsOptions) {
  const origin = baseUrl.replace(/\/$/, '');
  return <P extends keyof FunctionsContract, R extends FunctionsContract[P]['response'] = FunctionsContract[P]['response']>(path: P, body: FunctionsContract[P]['request']) =>
    requestJson<R>(`${origin}${path}`, { method: 'POST', body: { ...body, Token: token() ?? '' } }, fetchImpl);
}
