import type { VideoClient } from '../../src/client/video-client';
import type { MediaAccess } from '../../src/domain/escalation';
import type * as Flex from '@twilio/flex-ui';
import type { EscalationApi } from '../../src/ui/api/escalation-api';
import type { CallRegistry } from './call-registry';
import type { ClipTabDeps } from './components/VideoClipTab';
import type { PluginConfig } from './config';

/** What every Flex hook of the plugin gets: Flex, its manager, the settings and the shared calls. */
export interface PluginContext {
  flex: typeof Flex;
  manager: Flex.Manager;
  config: PluginConfig;
  api: EscalationApi;
  calls: CallRegistry;
  /** The browser video client for a grant (the supervisors' monitor uses it too). */
  clientFor: (access: MediaAccess) => VideoClient;
  /** The clip recorder's server and media (the Video clip tab). */
  clips: ClipTabDeps;
  /** The task each conversation's call was started from, for its Insights attributes. */
  tasks: Map<string, Flex.ITask>;
}

/** Plugin-specific names, so they never clash with Flex's or another plugin's. */
export const ACTION_ESCALATE = 'EscalateToVideo';
export const ACTION_OFFER_CLIP = 'OfferVideoClip';
/** The supervisors' recordings library view (side nav → ViewCollection). */
export const RECORDINGS_VIEW = 'video-escalation-recordings';
export const LIVE_CALLS_VIEW = 'video-escalation-live-calls';
/** The supervisors' privacy tools: legal hold, erasure on request, storage usage. */
export const PRIVACY_VIEW = 'video-escalation-privacy';
export const NOTIFY = {
  linkSent: 'VideoEscalation_LinkSent',
  failed: 'VideoEscalation_Failed',
  stillConnected: 'VideoEscalation_StillConnected',
  recordingAttached: 'VideoEscalation_RecordingAttached',
  recordingFailed: 'VideoEscalation_RecordingFailed',
  clipReceived: 'VideoEscalation_ClipReceived',
} as const;
