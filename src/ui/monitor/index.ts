export { MonitorView, type MonitorViewProps } from './MonitorView';
export { httpMonitorApi, type MonitorApi } from '../api/monitor-api';
