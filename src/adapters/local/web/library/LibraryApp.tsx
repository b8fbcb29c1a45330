import React, { useMemo } from 'react';
import { httpLibraryApi } from '../../../../ui/api/library-api';
import { directRecordingMedia } from '../../../../ui/api/recording-media';
import type { LibraryViewerRole } from '../../../../ui/library/format';
import { RecordingsLibrary } from '../../../../ui/library/RecordingsLibrary';
import { StaffPage } from '../lib/StaffPage';
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
  const signedIn = useLocalSignIn(role, fetchImpl);
  const { me } = signedIn;

  const api = useMemo(() => (me ? httpLibraryApi({ baseUrl: '', token: () => me.token, fetchImpl }) : null), [me, fetchImpl]);
  const media = useMemo(() => directRecordingMedia(fetchImpl), [fetchImpl]);
  const other: LibraryViewerRole = role === 'supervisor' ? 'agent' : 'supervisor';

  return (
    <StaffPage
      title="Recordings library"
      nav={[
        { href: '/console.html', label: 'Agent console' },
        { href: '/insights.html', label: 'Video insights' },
        { href: `/library.html?role=${other}`, label: `View as ${other}` },
      ]}
      signedIn={signedIn}
      who={(name) => (
        <>
          Signed in as {name}, role: <strong data-testid="active-role">{role}</strong>
        </>
      )}
    >
      {api && <RecordingsLibrary api={api} media={media} viewerRole={role} initialRecordingId={recordingId} />}
    </StaffPage>
  );
}
