import type { FunctionsContract } from '../../api/contract';
import type { SurveyAnswerResponse, SurveyView } from '../../api/support-contract';
import { ApiError, requestJson } from '../../client/request-json';

export type { SurveyAnswerResponse, SurveyView };
export { ApiError };

/** The customer's side of the `survey` Function, for one survey link. */
export interface SurveyApi {
  /** What the page shows; `timeZone` (the browser's) goes with the first call. */
  open(timeZone?: string): Promise<SurveyView>;
  answer(answer: { solved?: boolean; score?: number }): Promise<SurveyAnswerResponse>;
}

/** The survey Function, the link token in the body (never in a URL that servers log). */
export function httpSurveyApi(linkToken: string, base = '', fetchImpl?: typeof fetch): SurveyApi {
  type Survey = FunctionsContract['/survey'];
  const post = <T extends Survey['response']>(body: Survey['request']) =>
    requestJson<T>(`${base}${'/survey' satisfies keyof FunctionsContract}`, { method: 'POST', body }, fetchImpl);
  return {
    open: (timeZone) => post<SurveyView>({ action: 'open', linkToken, ...(timeZone ? { timeZone } : {}) }),
    answer: (answer) => post<SurveyAnswerResponse>({ action: 'answer', linkToken, ...answer }),
  };
}

/** The browser's IANA time zone ("Europe/Paris"), or undefined where the browser does not say. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
