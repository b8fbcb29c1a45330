import type { FunctionsContract, JoinResult, LinkCheck } from '../../api/contract';
import { ApiError, requestJson } from '../../client/request-json';

export type { JoinResult, LinkCheck };
export { ApiError };

export interface CustomerApi {
  check(linkToken: string): Promise<LinkCheck>;
  /** `noticeVersion`: the recording notice the customer agreed to (recorded calls); omitted when none was shown. */
  join(linkToken: string, takeOver: boolean, noticeVersion?: string): Promise<JoinResult>;
}

/** The customer-token Function: `check` before pre-join, `join` (optionally taking over) on Join. */
export function httpCustomerApi(base = '', fetchImpl?: typeof fetch): CustomerApi {
  type CustomerToken = FunctionsContract['/customer-token'];
  // The answer depends on `action`: each caller names the half of the contract's union it gets.
  const post = <T extends CustomerToken['response']>(body: CustomerToken['request']) =>
    requestJson<T>(`${base}${'/customer-token' satisfies keyof FunctionsContract}`, { method: 'POST', body }, fetchImpl);
  return {
    check: (linkToken) => post<LinkCheck>({ linkToken, action: 'check' }),
    join: (linkToken, takeOver, noticeVersion) =>
      post<JoinResult>({ linkToken, action: 'join', takeOver, ...(noticeVersion ? { consent: true, noticeVersion } : {}) }),
  };
}
