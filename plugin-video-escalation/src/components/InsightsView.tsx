import React, { useMemo } from 'react';
import { httpInsightsApi } from '../../../src/ui/api/insights-api';
import { InsightsDashboard } from '../../../src/ui/insights/InsightsDashboard';
import { FlexViewFrame } from './FlexViewFrame';

export interface InsightsViewProps {
  functionsBaseUrl: string;
  /** The supervisor's Flex token at the moment of each call (Flex refreshes it). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

/** The shared video insights dashboard as a Flex view in a Paste frame, with the Flex token. */
export function InsightsView({ functionsBaseUrl, token, fetchImpl }: InsightsViewProps) {
  const api = useMemo(() => httpInsightsApi({ baseUrl: functionsBaseUrl, token, fetchImpl }), [functionsBaseUrl, token, fetchImpl]);
  return (
    <FlexViewFrame title="Video insights">
      <InsightsDashboard api={api} />
    </FlexViewFrame>
  );
}
