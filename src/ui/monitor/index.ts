export { MonitorView, type MonitorViewProps } from './MonitorView';
export { httpMonitorApi, type MonitorApi } from './monitor-api';
