import React from 'react';
import { InsightsView } from '../../components/InsightsView';
import { LiveCallsView } from '../../components/LiveCallsView';
import { PrivacyView } from '../../components/PrivacyView';
import { RecordingsLibraryView } from '../../components/RecordingsLibraryView';
import type { PluginContext } from '../../context';
import { INSIGHTS_VIEW, LIVE_CALLS_VIEW, PRIVACY_VIEW, RECORDINGS_VIEW } from '../../context';
import { isSupervisor } from '../../roles';

/** The recordings library, the live calls (silent monitor), privacy and video insights as Flex views, for supervisors only (the Functions check the role again). */
export function addSupervisorViews({ flex, manager, config, clientFor }: PluginContext, fetchImpl?: typeof fetch): void {
  if (!isSupervisor(manager)) return;
  const token = () => manager.user.token;
  flex.ViewCollection.Content.add(
    <flex.View name={RECORDINGS_VIEW} key="video-escalation-recordings-view">
      <RecordingsLibraryView functionsBaseUrl={config.functionsBaseUrl} token={token} fetchImpl={fetchImpl} />
    </flex.View>,
  );
  flex.ViewCollection.Content.add(
    <flex.View name={LIVE_CALLS_VIEW} key="video-escalation-live-calls-view">
      <LiveCallsView functionsBaseUrl={config.functionsBaseUrl} token={token} clientFor={clientFor} fetchImpl={fetchImpl} />
    </flex.View>,
  );
  flex.ViewCollection.Content.add(
    <flex.View name={PRIVACY_VIEW} key="video-escalation-privacy-view">
      <PrivacyView functionsBaseUrl={config.functionsBaseUrl} token={token} fetchImpl={fetchImpl} />
    </flex.View>,
  );
  flex.ViewCollection.Content.add(
    <flex.View name={INSIGHTS_VIEW} key="video-escalation-insights-view">
      <InsightsView functionsBaseUrl={config.functionsBaseUrl} token={token} fetchImpl={fetchImpl} />
    </flex.View>,
  );
}
