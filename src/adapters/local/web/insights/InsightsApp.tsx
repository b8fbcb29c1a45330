import React, { useMemo } from 'react';
import { httpInsightsApi } from '../../../../ui/api/insights-api';
import { InsightsDashboard } from '../../../../ui/insights/InsightsDashboard';
import { StaffPage } from '../lib/StaffPage';
import { useLocalSignIn } from '../lib/useLocalSignIn';

/** The local supervisors' video insights: the loopback demo sign-in as the stack's supervisor, then the shared dashboard. */
export function InsightsApp({ fetchImpl }: { fetchImpl?: typeof fetch }) {
  const signedIn = useLocalSignIn('supervisor', fetchImpl);
  const { me } = signedIn;
  const api = useMemo(() => (me ? httpInsightsApi({ baseUrl: '', token: () => me.token, fetchImpl }) : null), [me, fetchImpl]);
  return (
    <StaffPage
      title="Video insights"
      nav={[
        { href: '/library.html?role=supervisor', label: 'Recordings' },
        { href: '/monitor.html', label: 'Live calls' },
        { href: '/privacy.html', label: 'Privacy' },
      ]}
      signedIn={signedIn}
      pageClass="library-page insights-page"
    >
      {api && <InsightsDashboard api={api} />}
    </StaffPage>
  );
}
