import React, { useMemo } from 'react';
import { httpPrivacyApi } from '../../../src/ui/api/privacy-api';
import { PrivacyView as SharedPrivacyView } from '../../../src/ui/privacy/PrivacyView';
import { FlexViewFrame } from './FlexViewFrame';

export interface PrivacyViewProps {
  functionsBaseUrl: string;
  /** The supervisor's Flex token at the moment of each call (Flex refreshes it). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

/** The shared privacy tools (legal hold, erasure, storage usage) as a Flex view in a Paste frame, with the Flex token. */
export function PrivacyView({ functionsBaseUrl, token, fetchImpl }: PrivacyViewProps) {
  const api = useMemo(() => httpPrivacyApi({ baseUrl: functionsBaseUrl, token, fetchImpl }), [functionsBaseUrl, token, fetchImpl]);
  return (
    <FlexViewFrame title="Privacy">
      <SharedPrivacyView api={api} />
    </FlexViewFrame>
  );
}
