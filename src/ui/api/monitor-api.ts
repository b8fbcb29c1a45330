import type { FunctionsContract } from '../../api/contract';
import type { LiveCall, MonitorResponse, StopMonitorResponse } from '../../api/library-contract';
import { requestJson } from '../../client/request-json';

/** What the monitor view asks of the Functions (`/live-calls`, `/monitor`); supervisors only. */
export interface MonitorApi {
  liveCalls(): Promise<LiveCall[]>;
  start(escalationId: string, bargeIn?: boolean): Promise<MonitorResponse>;
  stop(monitoringId: string): Promise<StopMonitorResponse>;
}

export interface MonitorApiOptions {
  /** '' for the same origin (local stack), the Functions domain in Flex. */
  baseUrl: string;
  /** The supervisor's token at the moment of the call, sent the Flex way (`Token` in the body). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

export function httpMonitorApi({ baseUrl, token, fetchImpl }: MonitorApiOptions): MonitorApi {
  // The path picks the contract's request and answer types (src/api/contract.ts).
  const post = <P extends '/live-calls' | '/monitor', R extends FunctionsContract[P]['response'] = FunctionsContract[P]['response']>(path: P, body: FunctionsContract[P]['request']) =>
    requestJson<R>(`${baseUrl.replace(/\/$/, '')}${path}`, { method: 'POST', body: { ...body, Token: token() ?? '' } }, fetchImpl);
  return {
    liveCalls: async () => (await post('/live-calls', {})).calls,
    start: (escalationId, bargeIn = false) => post<'/monitor', MonitorResponse>('/monitor', { action: 'start', escalationId, bargeIn }),
    stop: (monitoringId) => post<'/monitor', StopMonitorResponse>('/monitor', { action: 'stop', monitoringId }),
  };
}
