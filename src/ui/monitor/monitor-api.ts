import type { LiveCall, LiveCallsResponse, MonitorCall, MonitorResponse, StopMonitorResponse } from '../../api/library-contract';
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
  const post = <T>(path: string, body: object) =>
    requestJson<T>(`${baseUrl.replace(/\/$/, '')}${path}`, { method: 'POST', body: { ...body, Token: token() ?? '' } }, fetchImpl);
  return {
    liveCalls: async () => (await post<LiveCallsResponse>('/live-calls', {})).calls,
    start: (escalationId, bargeIn = false) => post<MonitorResponse>('/monitor', { action: 'start', escalationId, bargeIn } satisfies MonitorCall),
    stop: (monitoringId) => post<StopMonitorResponse>('/monitor', { action: 'stop', monitoringId } satisfies MonitorCall),
  };
}
