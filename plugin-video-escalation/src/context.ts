import type { VideoClient } from '../../src/client/video-client';
import type { MediaAccess } from '../../src/domain/escalation';
import type * as Flex from '@twilio/flex-ui';
import type { EscalationApi } from '../../src/ui/api/escalation-api';
import type { SupportTicketApi } from '../../src/ui/api/support-ticket-api';
import type { CallRegistry } from './call-registry';
import type { ClipTabDeps } from './components/VideoClipTab';
import type { PluginConfig } from './config';
import type { MessageTicks } from './message-ticks';

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
  /** The agent's task of each conversation (accepted here, or a call or clip started from it), for its Insights attributes. */
  tasks: Map<string, Flex.ITask>;
  /** The agent's side of each ticket (#20): joined, video suggestions, its facts for Insights. */
  support: SupportTicketApi;
  /** Messages seen per conversation: the Video tab asks for a suggestion again when they grow. */
  ticks: MessageTicks;
  /** The last suggestion announced per conversation (its `at`), so each is announced once. */
  suggestionsAnnounced: Map<string, string>;
}

/** Plugin-specific names, so they never clash with Flex's or another plugin's. */
export const ACTION_ESCALATE = 'EscalateToVideo';
export const ACTION_OFFER_CLIP = 'OfferVideoClip';
/** The supervisors' recordings library view (side nav → ViewCollection). */
export const RECORDINGS_VIEW = 'video-escalation-recordings';
export const LIVE_CALLS_VIEW = 'video-escalation-live-calls';
/** The supervisors' privacy tools: legal hold, erasure on request, storage usage. */
export const PRIVACY_VIEW = 'video-escalation-privacy';
/** The supervisors' video insights dashboard (#20). */
export const INSIGHTS_VIEW = 'video-escalation-insights';
export const NOTIFY = {
  linkSent: 'VideoEscalation_LinkSent',
  failed: 'VideoEscalation_Failed',
  stillConnected: 'VideoEscalation_StillConnected',
  recordingAttached: 'VideoEscalation_RecordingAttached',
  recordingFailed: 'VideoEscalation_RecordingFailed',
  clipReceived: 'VideoEscalation_ClipReceived',
  videoSuggested: 'VideoEscalation_VideoSuggested',
} as const;
