import React, { useMemo } from 'react';
import ReactDOM from 'react-dom';
import { httpPrivacyApi } from '../../../../ui/api/privacy-api';
import { PrivacyView } from '../../../../ui/privacy/PrivacyView';
import { useLocalSignIn } from '../lib/useLocalSignIn';

/** The local supervisors' privacy page: the loopback demo sign-in as the stack's supervisor, then the shared privacy tools. */
function PrivacyPage() {
  const { me, error } = useLocalSignIn('supervisor');
  const api = useMemo(() => (me ? httpPrivacyApi({ baseUrl: '', token: () => me.token }) : null), [me]);
  return (
    <div className="library-page">
      <header className="topbar">
        <h1>Privacy</h1>
        <nav aria-label="Pages" className="library-page__nav">
          <a href="/library.html?role=supervisor">Recordings</a>
          <a href="/monitor.html">Live calls</a>
        </nav>
        <p>{me ? `Signed in as ${me.name}` : error ? '' : 'Signing in…'}</p>
      </header>
      <main className="library-page__main">
        {error && (
          <p className="vx-error" role="alert">
            Could not sign in: {error}
          </p>
        )}
        {api && <PrivacyView api={api} />}
      </main>
    </div>
  );
}

ReactDOM.render(<PrivacyPage />, document.getElementById('root'));
