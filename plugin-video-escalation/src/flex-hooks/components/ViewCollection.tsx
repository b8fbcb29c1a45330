import React from 'react';
import { RecordingsLibraryView } from '../../components/RecordingsLibraryView';
import type { PluginContext } from '../../context';
import { RECORDINGS_VIEW } from '../../context';
import { isSupervisor } from '../../roles';

/** The recordings library as a Flex view, for supervisors only (the Functions check the role again). */
export function addRecordingsView({ flex, manager, config }: PluginContext, fetchImpl?: typeof fetch): void {
  if (!isSupervisor(manager)) return;
  flex.ViewCollection.Content.add(
    <flex.View name={RECORDINGS_VIEW} key="video-escalation-recordings-view">
      <RecordingsLibraryView functionsBaseUrl={config.functionsBaseUrl} token={() => manager.user.token} fetchImpl={fetchImpl} />
    </flex.View>,
  );
}
