import React, { useMemo } from 'react';
import ReactDOM from 'react-dom';
import { videoClientFor } from '../../../../client/connect';
import { MonitorView } from '../../../../ui/monitor/MonitorView';
import { httpMonitorApi } from '../../../../ui/monitor/monitor-api';
import { useLocalSignIn } from '../lib/useLocalSignIn';

/** The local supervisor's page: signs in as the stack's supervisor (loopback demo sign-in) and shows the monitor. */
function MonitorPage() {
  const { me, error } = useLocalSignIn('supervisor');
  const api = useMemo(() => (me ? httpMonitorApi({ baseUrl: '', token: () => me.token }) : null), [me]);
  return (
    <div className="monitor-page">
      <header className="topbar">
        <h1>Live calls</h1>
        <p>{me ? `Signed in as ${me.name}` : error ? '' : 'Signing in…'}</p>
      </header>
      <main>
        {error && (
          <p className="vx-error" role="alert">
            {error}
          </p>
        )}
        <MonitorView api={api} videoClientFor={videoClientFor} />
      </main>
    </div>
  );
}

ReactDOM.render(<MonitorPage />, document.getElementById('root'));
