import React from 'react';
import type { PluginContext } from '../../context';
import { INSIGHTS_VIEW, LIVE_CALLS_VIEW, PRIVACY_VIEW, RECORDINGS_VIEW } from '../../context';
import { isSupervisor } from '../../roles';

/** "Recordings", "Live calls", "Privacy" and "Video insights" in Flex's side navigation, for supervisors only, each opening its view. */
export function addSupervisorSideLinks({ flex, manager }: PluginContext): void {
  if (!isSupervisor(manager)) return;
  const link = (viewName: string, label: string, icon: string, sortOrder: number) => {
    // Flex gives side-nav content the active view's name, and whether the nav is expanded
    // (`showLabel`). Flex's SideLink hides its label while collapsed, which would leave the link
    // nameless to a screen reader: it takes an aria-label (Flex 2.17.1's SideLink passes it on).
    function SupervisorSideLink({ activeView, showLabel }: { activeView?: string; showLabel?: boolean }) {
      return (
        <flex.SideLink
          icon={icon}
          iconActive={`${icon}Bold`}
          showLabel={showLabel}
          aria-label={label}
          isActive={activeView === viewName}
          onClick={() => void flex.Actions.invokeAction('NavigateToView', { viewName })}
        >
          {label}
        </flex.SideLink>
      );
    }
    flex.SideNav.Content.add(<SupervisorSideLink key={`${viewName}-link`} />, { sortOrder });
  };
  link(RECORDINGS_VIEW, 'Recordings', 'Video', 100);
  link(LIVE_CALLS_VIEW, 'Live calls', 'Eye', 101);
  link(PRIVACY_VIEW, 'Privacy', 'Settings', 102);
  link(INSIGHTS_VIEW, 'Video insights', 'Data', 103);
}
