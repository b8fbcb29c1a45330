import React, { useMemo } from 'react';
import { httpLibraryApi } from '../../../../ui/api/library-api';
import { directRecordingMedia } from '../../../../ui/api/recording-media';
import type { LibraryViewerRole } from '../../../../ui/library/format';
import { RecordingsLibrary } from '../../../../ui/library/RecordingsLibrary';
import { useLocalSignIn } from '../lib/useLocalSignIn';

export interface LibraryAppProps {
  /** The page's query string: `?role=supervisor` signs in as the stack's supervisor, `?recording=ID` opens one. */
  search: string;
  fetchImpl?: typeof fetch;
}

export const roleFromQuery = (search: string): LibraryViewerRole =>
  new URLSearchParams(search).get('role') === 'supervisor' ? 'supervisor' : 'agent';

/**
 * The local recordings library: the loopback demo sign-in (as the agent by default, as the
 * supervisor with ?role=supervisor; the sign-in also sets the media cookie the player needs),
 * then the shared library over the same Functions Flex calls.
 */
export function LibraryApp({ search, fetchImpl }: LibraryAppProps) {
  const role = roleFromQuery(search);
  const recordingId = new URLSearchParams(search).get('recording') ?? undefined;
  const { me, error } = useLocalSignIn(role, fetchImpl);

  const api = useMemo(() => (me ? httpLibraryApi({ baseUrl: '', token: () => me.token, fetchImpl }) : null), [me, fetchImpl]);
  const media = useMemo(() => directRecordingMedia(fetchImpl), [fetchImpl]);
  const other: LibraryViewerRole = role === 'supervisor' ? 'agent' : 'supervisor';

  return (
    <div className="library-page">
      <header className="topbar">
        <h1>Recordings library</h1>
        <nav aria-label="Pages" className="library-page__nav">
          <a href="/console.html">Agent console</a>
          <a href={`/library.html?role=${other}`}>View as {other}</a>
        </nav>
        <p data-testid="signed-in-as">
          {me ? (
            <>
              Signed in as {me.name}, role: <strong data-testid="active-role">{role}</strong>
            </>
          ) : error ? (
            ''
          ) : (
            'Signing in…'
          )}
        </p>
      </header>
      <main className="library-page__main">
        {error && (
          <p className="vx-error" role="alert">
            Could not sign in: {error}
          </p>
        )}
        {api && <RecordingsLibrary api={api} media={media} viewerRole={role} initialRecordingId={recordingId} />}
      </main>
    </div>
  );
}
