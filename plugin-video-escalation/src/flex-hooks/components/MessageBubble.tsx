import React from 'react';
import { staffClipViews } from '../../../../src/ui/api/clip-view-api';
import { functionRecordingMedia } from '../../../../src/ui/api/recording-media';
import { isCardMessage } from '../../../../src/ui/cards/MessageCard';
import { attributesOf, FlexMessageCard } from '../../components/FlexMessageCard';
import type { PluginContext } from '../../context';

type BubbleProps = { message?: { source?: { attributes?: unknown } } };
const isProductCard = (props: BubbleProps) => isCardMessage(attributesOf(props.message?.source));

/** The product's messages (invitation, recording) show as cards in Flex's bubble, author and time kept. */
export function addMessageCards({ flex, api, config, manager }: PluginContext, fetchImpl?: typeof fetch): void {
  // The agent's clip viewing counts for analytics (their own clips are ignored by the server).
  const clipViews = staffClipViews({ baseUrl: config.functionsBaseUrl, token: () => manager.user.token });
  // The card plays and reads the transcript through the recording-media Function, with the agent's Flex token.
  const media = functionRecordingMedia({ token: () => manager.user.token, fetchImpl });
  flex.MessageBubble.Content.remove('body', { if: isProductCard });
  flex.MessageBubble.Content.add(<FlexMessageCard key="video-escalation-card" api={api} onClipView={clipViews} media={media} />, { if: isProductCard });
}
