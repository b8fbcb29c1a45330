import type { ITask } from '@twilio/flex-ui';
import React from 'react';
import { VideoTab } from '../../components/VideoTab';
import type { PluginContext } from '../../context';

/** A Video tab on chat tasks, beside Flex's own Chat and Info tabs. */
export function addVideoTab({ flex, calls }: PluginContext): void {
  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key="video-escalation-tab" uniqueName="video-escalation" label="Video">
      <VideoTab calls={calls} />
    </flex.Tab>,
    { sortOrder: 10, if: (props: { task?: ITask }) => !!props.task && flex.TaskHelper.isChatBasedTask(props.task) },
  );
}
