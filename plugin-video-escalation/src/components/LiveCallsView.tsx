import React, { useMemo } from 'react';
import type { VideoClient } from '../../../src/client/video-client';
import type { MediaAccess } from '../../../src/domain/escalation';
import { httpMonitorApi, MonitorView } from '../../../src/ui/monitor';
import { FlexViewFrame } from './FlexViewFrame';

export interface LiveCallsViewProps {
  functionsBaseUrl: string;
  /** The supervisor's Flex token at the moment of each call (Flex refreshes it). */
  token(): string | null;
  clientFor(access: MediaAccess): VideoClient;
  fetchImpl?: typeof fetch;
}

/** The shared live-calls list and silent monitor as a Flex view in a Paste frame, with the Flex token. */
export function LiveCallsView({ functionsBaseUrl, token, clientFor, fetchImpl }: LiveCallsViewProps) {
  const api = useMemo(() => httpMonitorApi({ baseUrl: functionsBaseUrl, token, fetchImpl }), [functionsBaseUrl, token, fetchImpl]);
  return (
    <FlexViewFrame title="Live calls">
      <MonitorView api={api} videoClientFor={clientFor} />
    </FlexViewFrame>
  );
}
