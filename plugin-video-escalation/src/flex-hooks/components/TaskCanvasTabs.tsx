import type { ITask } from '@twilio/flex-ui';
import React from 'react';
import { VideoClipTab } from '../../components/VideoClipTab';
import { VideoTab } from '../../components/VideoTab';
import type { PluginContext } from '../../context';

/** A Video tab (the live call) and a Video clip tab (record a reply) on chat tasks, beside Flex's own tabs. */
export function addVideoTab({ flex, calls, clips, api, support, ticks }: PluginContext): void {
  const chatTask = (props: { task?: ITask }) => !!props.task && flex.TaskHelper.isChatBasedTask(props.task);
  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key="video-escalation-tab" uniqueName="video-escalation" label="Video">
      <VideoTab calls={calls} api={api} support={support} ticks={ticks} />
    </flex.Tab>,
    { sortOrder: 10, if: chatTask },
  );
  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key="video-clip-tab" uniqueName="video-clip" label="Video clip">
      <VideoClipTab clips={clips} />
    </flex.Tab>,
    { sortOrder: 11, if: chatTask },
  );
}
