import React, { useMemo } from 'react';
import type { VideoClient } from '../../../src/client/video-client';
import type { MediaAccess } from '../../../src/domain/escalation';
import { httpMonitorApi, MonitorView } from '../../../src/ui/monitor';

export interface LiveCallsViewProps {
  functionsBaseUrl: string;
  /** The supervisor's Flex token at the moment of each call (Flex refreshes it). */
  token(): string | null;
  clientFor(access: MediaAccess): VideoClient;
  fetchImpl?: typeof fetch;
}

/** The shared live-calls list and silent monitor as a Flex view, with the Flex token. */
export function LiveCallsView({ functionsBaseUrl, token, clientFor, fetchImpl }: LiveCallsViewProps) {
  const api = useMemo(() => httpMonitorApi({ baseUrl: functionsBaseUrl, token, fetchImpl }), [functionsBaseUrl, token, fetchImpl]);
  return (
    <div className="vx-library-view">
      <h1 className="vx-library-view__title">Live calls</h1>
      <MonitorView api={api} videoClientFor={clientFor} />
    </div>
  );
}
