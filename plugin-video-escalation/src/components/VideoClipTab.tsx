import { withTaskContext, type ITask } from '@twilio/flex-ui';
import { Box } from '@twilio-paste/core/box';
import { Paragraph } from '@twilio-paste/core/paragraph';
import React from 'react';
import type { ClipEndpoint } from '../../../src/ui/api/clip-api';
import type { ClipConnect } from '../../../src/ui/clips/clip-connect';
import { AgentReplyRecorder } from '../../../src/ui/clips/templates/AgentReplyRecorder';
import { conversationSidOf, customerNameOf } from '../task';

export interface ClipTabDeps {
  endpoint: ClipEndpoint;
  connect: ClipConnect;
  /** The agent's Flex token at the moment of each call (Flex refreshes it). */
  token(): string | null;
}

/** The task's Video clip tab: the shared recorder, for a reply into this task's conversation. */
export function VideoClipTabBody({ task, clips }: { task?: ITask; clips: ClipTabDeps }) {
  const sid = conversationSidOf(task);
  return (
    <Box padding="space40" data-testid="video-clip-tab">
      {sid ? (
        <AgentReplyRecorder key={sid} endpoint={clips.endpoint} token={clips.token} conversationId={sid} connect={clips.connect} customerName={customerNameOf(task)} />
      ) : (
        <Paragraph marginBottom="space0">This task has no chat conversation to send a clip into.</Paragraph>
      )}
    </Box>
  );
}

/** Flex's Tab passes no task to its children: the task comes from Flex's task context. */
export const VideoClipTab = withTaskContext(VideoClipTabBody);
