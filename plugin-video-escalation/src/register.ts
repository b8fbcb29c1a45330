import type * as Flex from '@twilio/flex-ui';
import { CustomizationProvider } from '@twilio-paste/core/customization';
import { videoClientFor } from '../../src/client/connect';
import type { VideoClient } from '../../src/client/video-client';
import type { MediaAccess } from '../../src/domain/escalation';
import { httpClipApi } from '../../src/ui/api/clip-api';
import { httpEscalationApi } from '../../src/ui/api/escalation-api';
import { httpSupportTicketApi } from '../../src/ui/api/support-ticket-api';
import { clipConnector } from '../../src/ui/clips/clip-connect';
import type { MediaDeps } from '../../src/ui/media/devices';
import { CallRegistry } from './call-registry';
import { readPluginConfig } from './config';
import type { PluginContext } from './context';
import { registerCloseOnComplete } from './flex-hooks/actions/CloseConversation';
import { registerCompleteTask } from './flex-hooks/actions/CompleteTask';
import { registerEscalateToVideo } from './flex-hooks/actions/EscalateToVideo';
import { registerOfferVideoClip } from './flex-hooks/actions/OfferVideoClip';
import { registerSupportLoop } from './flex-hooks/actions/SupportLoop';
import { registerWrapupTask } from './flex-hooks/actions/WrapupTask';
import { addMessageCards } from './flex-hooks/components/MessageBubble';
import { addVideoTab } from './flex-hooks/components/TaskCanvasTabs';
import { addEscalateButton } from './flex-hooks/components/TaskCanvasHeader';
import { addSupervisorSideLinks } from './flex-hooks/components/SideNav';
import { addSupervisorViews } from './flex-hooks/components/ViewCollection';
import { followRecordings, followSuggestions } from './flex-hooks/events/ConversationMessages';
import { registerNotifications } from './flex-hooks/notifications/VideoEscalation';
import { MessageTicks } from './message-ticks';

/**
 * Everything the plugin adds to Flex, one Flex extension point per hook file. Nothing is added
 * when the feature flag is off. Tests pass their own video client, devices and fetch.
 */
export function registerVideoEscalation(
  flex: typeof Flex,
  manager: Flex.Manager,
  io: { clientFor?: (a: MediaAccess) => VideoClient; media?: MediaDeps; fetchImpl?: typeof fetch } = {},
): PluginContext | null {
  const config = readPluginConfig(manager);
  if (!config.enabled) return null;
  // The plugin's Paste components take Flex's theme from a provider Flex wraps its root in: Flex
  // passes it its light/dark base and the account's tokens. Flex on Twilio's CDN carries its own
  // copy of Paste, so ours needs its own provider (setProviders, in @twilio/flex-ui's
  // src/public_api/Providers.d.ts; twilio.com/docs/flex/developer/ui/use-paste-with-a-plugin).
  flex.setProviders({ PasteThemeProvider: CustomizationProvider });
  // Flex refreshes the agent's token: read it at each call.
  const api = httpEscalationApi({ baseUrl: config.functionsBaseUrl, token: () => manager.user.token, fetchImpl: io.fetchImpl });
  const clientFor = io.clientFor ?? videoClientFor;
  const calls = new CallRegistry(api, clientFor, io.media);
  const clips = { endpoint: httpClipApi(config.functionsBaseUrl, io.fetchImpl), connect: clipConnector(clientFor), token: () => manager.user.token };
  const support = httpSupportTicketApi({ baseUrl: config.functionsBaseUrl, token: () => manager.user.token, fetchImpl: io.fetchImpl });
  const ctx: PluginContext = { flex, manager, config, api, calls, clientFor, clips, tasks: new Map(), support, ticks: new MessageTicks(), suggestionsAnnounced: new Map() };
  registerNotifications(ctx);
  registerEscalateToVideo(ctx);
  registerOfferVideoClip(ctx);
  registerWrapupTask(ctx);
  registerCompleteTask(ctx);
  registerCloseOnComplete(ctx, io.fetchImpl);
  registerSupportLoop(ctx);
  addEscalateButton(ctx);
  addVideoTab(ctx);
  addMessageCards(ctx, io.fetchImpl);
  followRecordings(ctx);
  followSuggestions(ctx);
  addSupervisorSideLinks(ctx);
  addSupervisorViews(ctx, io.fetchImpl);
  return ctx;
}
