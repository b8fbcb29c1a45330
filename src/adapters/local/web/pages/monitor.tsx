import React, { useEffect, useMemo, useState } from 'react';
import ReactDOM from 'react-dom';
import { videoClientFor } from '../../../../client/connect';
import { MonitorView } from '../../../../ui/monitor/MonitorView';
import { httpMonitorApi } from '../../../../ui/monitor/monitor-api';
import { http } from '../lib/api';

interface SignIn {
  token: string;
  name: string;
}

/** The local supervisor's page: signs in as the stack's supervisor (loopback demo sign-in) and shows the monitor. */
function MonitorPage() {
  const [me, setMe] = useState<SignIn | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    http(null)
      .post<SignIn>('/api/local/sign-in', { role: 'supervisor' })
      .then(setMe)
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
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
