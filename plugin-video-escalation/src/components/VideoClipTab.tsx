import { withTaskContext, type ITask } from '@twilio/flex-ui';
import React, { useMemo } from 'react';
import { agentClipApi, type ClipEndpoint } from '../../../src/ui/api/clip-api';
import type { ClipConnect } from '../../../src/ui/clips/clip-connect';
import { ClipRecorder } from '../../../src/ui/clips/ClipRecorder';
import { conversationSidOf } from '../task';

export interface ClipTabDeps {
  endpoint: ClipEndpoint;
  connect: ClipConnect;
  /** The agent's Flex token at the moment of each call (Flex refreshes it). */
  token(): string | null;
}

/** The task's Video clip tab: the shared recorder, for a reply into this task's conversation. */
export function VideoClipTabBody({ task, clips }: { task?: ITask; clips: ClipTabDeps }) {
  const sid = conversationSidOf(task);
  const api = useMemo(() => (sid ? agentClipApi(clips.endpoint, { token: clips.token, conversationId: sid }) : null), [sid, clips]);
  if (!api) return <p className="vx-status">This task has no chat conversation to send a clip into.</p>;
  return <ClipRecorder key={sid} api={api} connect={clips.connect} />;
}

/** Flex's Tab passes no task to its children: the task comes from Flex's task context. */
export const VideoClipTab = withTaskContext(VideoClipTabBody);
