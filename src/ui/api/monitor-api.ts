import type { LiveCall, MonitorResponse, StopMonitorResponse } from '../../api/library-contract';
import { staffFunctionCall, type StaffFunctionsOptions } from './staff-functions';

/** What the monitor view asks of the Functions (`/live-calls`, `/monitor`); supervisors only. */
export interface MonitorApi {
  liveCalls(): Promise<LiveCall[]>;
  start(escalationId: string, bargeIn?: boolean): Promise<MonitorResponse>;
  stop(monitoringId: string): Promise<StopMonitorResponse>;
}

export type MonitorApiOptions = StaffFunctionsOptions;

export function httpMonitorApi(options: MonitorApiOptions): MonitorApi {
  const post = staffFunctionCall(options);
  return {
    liveCalls: async () => (await post('/live-calls', {})).calls,
    start: (escalationId, bargeIn = false) => post<'/monitor', MonitorResponse>('/monitor', { action: 'start', escalationId, bargeIn }),
    stop: (monitoringId) => post<'/monitor', StopMonitorResponse>('/monitor', { action: 'stop', monitoringId }),
  };
}
