import React, { useMemo } from 'react';
import { httpLibraryApi } from '../../../src/ui/api/library-api';
import { functionRecordingMedia } from '../../../src/ui/api/recording-media';
import { RecordingsLibrary } from '../../../src/ui/library/RecordingsLibrary';
import { FlexViewFrame } from './FlexViewFrame';

export interface RecordingsLibraryViewProps {
  functionsBaseUrl: string;
  /** The supervisor's Flex token at the moment of each call (Flex refreshes it). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

/** The shared recordings library as a Flex view: the Functions with the Flex token, media through recording-media. */
export function RecordingsLibraryView({ functionsBaseUrl, token, fetchImpl }: RecordingsLibraryViewProps) {
  const api = useMemo(() => httpLibraryApi({ baseUrl: functionsBaseUrl, token, fetchImpl }), [functionsBaseUrl, token, fetchImpl]);
  const media = useMemo(() => functionRecordingMedia({ token, fetchImpl }), [token, fetchImpl]);
  return (
    <FlexViewFrame title="Recordings library">
      <RecordingsLibrary api={api} media={media} viewerRole="supervisor" />
    </FlexViewFrame>
  );
}
