import React, { useMemo } from 'react';
import ReactDOM from 'react-dom';
import { videoClientFor } from '../../../../client/connect';
import { MonitorView } from '../../../../ui/monitor/MonitorView';
import { httpMonitorApi } from '../../../../ui/api/monitor-api';
import { StaffPage } from '../lib/StaffPage';
import { useLocalSignIn } from '../lib/useLocalSignIn';

/** The local supervisor's page: signs in as the stack's supervisor (loopback demo sign-in) and shows the monitor. */
function MonitorPage() {
  const signedIn = useLocalSignIn('supervisor');
  const { me } = signedIn;
  const api = useMemo(() => (me ? httpMonitorApi({ baseUrl: '', token: () => me.token }) : null), [me]);
  return (
    <StaffPage title="Live calls" signedIn={signedIn} pageClass="monitor-page">
      <MonitorView api={api} videoClientFor={videoClientFor} />
    </StaffPage>
  );
}

ReactDOM.render(<MonitorPage />, document.getElementById('root'));
