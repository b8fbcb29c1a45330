import React from 'react';
import type { PluginContext } from '../../context';
import { RECORDINGS_VIEW } from '../../context';
import { isSupervisor } from '../../roles';

/** A "Recordings" entry in Flex's side navigation, for supervisors only, opening the library view. */
export function addRecordingsSideLink({ flex, manager }: PluginContext): void {
  if (!isSupervisor(manager)) return;
  // Flex gives side-nav content the active view's name.
  function RecordingsSideLink({ activeView }: { activeView?: string }) {
    return (
      <flex.SideLink
        icon="Video"
        iconActive="VideoBold"
        isActive={activeView === RECORDINGS_VIEW}
        onClick={() => void flex.Actions.invokeAction('NavigateToView', { viewName: RECORDINGS_VIEW })}
      >
        Recordings
      </flex.SideLink>
    );
  }
  flex.SideNav.Content.add(<RecordingsSideLink key="video-escalation-recordings-link" />, { sortOrder: 100 });
}
