import React, { useCallback, useEffect, useState } from 'react';
import type { LiveCall } from '../../api/library-contract';
import type { VideoClient } from '../../client/video-client';
import type { MediaAccess } from '../../domain/escalation';
import { useRoomState } from '../hooks/useRoomState';
import { LiveCallsTable } from './LiveCallsTable';
import type { MonitorApi } from '../api/monitor-api';
import { MonitorStage } from './MonitorStage';
import { useMonitorSession, type OpenMicrophone } from './useMonitorSession';

export interface MonitorViewProps {
  api: MonitorApi | null;
  videoClientFor(access: MediaAccess): VideoClient;
  /** How often the list refreshes itself while shown (ms); 0: only on demand. */
  refreshMs?: number;
  /** The supervisor's microphone for barge-in (tests pass a fake); default: the browser's. */
  openMicrophone?: OpenMicrophone;
}

/** Supervisors' live calls and the silent monitor, shared by the local console and (later) Flex. */
export function MonitorView({ api, videoClientFor, refreshMs = 10_000, openMicrophone }: MonitorViewProps) {
  const [calls, setCalls] = useState<LiveCall[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => new Date());
  const monitor = useMonitorSession(api, videoClientFor, openMicrophone);
  const view = useRoomState(monitor.session?.room ?? null);

  const refresh = useCallback(() => {
    if (!api) return;
    api
      .liveCalls()
      .then((list) => {
        setCalls(list);
        setError(null);
        setNow(new Date());
      })
      .catch((e) => setError(`Could not load live calls: ${e instanceof Error ? e.message : String(e)}`));
  }, [api]);

  useEffect(() => {
    refresh();
    if (!refreshMs) return undefined;
    const timer = setInterval(refresh, refreshMs);
    return () => clearInterval(timer);
  }, [refresh, refreshMs]);

  useEffect(() => {
    if (!monitor.session) refresh();
  }, [monitor.session, refresh]);

  return (
    <div className="vx-monitor">
      {monitor.notice && (
        <p role="status" className="vx-status" data-testid="monitor-notice">
          {monitor.notice}
        </p>
      )}
      {monitor.session && view ? (
        <MonitorStage
          view={view}
          call={monitor.session.call}
          bargedIn={monitor.session.bargedIn}
          stopping={monitor.stopping}
          onStop={() => void monitor.stop()}
        />
      ) : (
        <LiveCallsTable calls={calls} error={error} busyId={monitor.connecting} now={now} onMonitor={(c) => void monitor.start(c)} onBargeIn={(c) => void monitor.start(c, true)} onRefresh={refresh} />
      )}
    </div>
  );
}
