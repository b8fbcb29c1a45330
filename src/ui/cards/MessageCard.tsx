import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { MESSAGE_TYPES } from '../../domain/message-types';
import { LinkCard, type Viewer } from './LinkCard';
import type { LinkState } from './link-state';
import { ClipRequestCard } from './ClipRequestCard';
import { SurveyCard } from './SurveyCard';
import { RecordingCard, type ClipViewReporter } from './RecordingCard';
import type { RecordingMedia } from '../api/recording-media';

/** Is this one of the messages the product posts as a card? (Flex renders the rest itself.) */
export const isCardMessage = (attributes: Record<string, unknown> | undefined): boolean =>
  attributes?.type === MESSAGE_TYPES.link ||
  attributes?.type === MESSAGE_TYPES.recording ||
  attributes?.type === MESSAGE_TYPES.clipRequest ||
  attributes?.type === MESSAGE_TYPES.survey;

/** The card for a product message, by its `type` attribute; null for anything else. */
export function MessageCard({
  message,
  viewer,
  linkState,
  onResendLink,
  onClipView,
  media,
}: {
  message: ConversationMessage;
  viewer: Viewer;
  linkState: LinkState;
  onResendLink?: () => Promise<void>;
  /** Where the viewer's clip events go (console: the Function; customer chat: the local origin). */
  onClipView?: ClipViewReporter;
  /** How this surface opens a recording's media and transcript (the message holds only their URLs). */
  media?: RecordingMedia;
}) {
  switch (message.attributes?.type) {
    case MESSAGE_TYPES.link:
      return <LinkCard message={message} viewer={viewer} state={linkState} onResend={onResendLink} />;
    case MESSAGE_TYPES.recording:
      return <RecordingCard message={message} viewer={viewer} onClipView={onClipView} media={media} />;
    case MESSAGE_TYPES.clipRequest:
      return <ClipRequestCard message={message} viewer={viewer} state={linkState} />;
    case MESSAGE_TYPES.survey:
      return <SurveyCard message={message} viewer={viewer} />;
    default:
      return null;
  }
}
