import React, { useMemo } from 'react';
import ReactDOM from 'react-dom';
import { httpPrivacyApi } from '../../../../ui/api/privacy-api';
import { PrivacyView } from '../../../../ui/privacy/PrivacyView';
import { StaffPage } from '../lib/StaffPage';
import { useLocalSignIn } from '../lib/useLocalSignIn';

/** The local supervisors' privacy page: the loopback demo sign-in as the stack's supervisor, then the shared privacy tools. */
function PrivacyPage() {
  const signedIn = useLocalSignIn('supervisor');
  const { me } = signedIn;
  const api = useMemo(() => (me ? httpPrivacyApi({ baseUrl: '', token: () => me.token }) : null), [me]);
  return (
    <StaffPage
      title="Privacy"
      nav={[
        { href: '/library.html?role=supervisor', label: 'Recordings' },
        { href: '/monitor.html', label: 'Live calls' },
        { href: '/insights.html', label: 'Video insights' },
      ]}
      signedIn={signedIn}
    >
      {api && <PrivacyView api={api} />}
    </StaffPage>
  );
}

ReactDOM.render(<PrivacyPage />, document.getElementById('root'));
