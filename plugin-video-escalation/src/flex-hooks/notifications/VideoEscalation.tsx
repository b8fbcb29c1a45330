import React from 'react';
import { NOTIFY, type PluginContext } from '../../context';

/** Flex clones a notification's element with its context; ours carry the words to show. */
function Message({ notificationContext }: { notificationContext?: { message?: string } }) {
  return <span>{notificationContext?.message}</span>;
}

/** The plugin's Flex notifications. */
export function registerNotifications({ flex }: PluginContext): void {
  const { Notifications, NotificationType } = flex;
  Notifications.registerNotification({ id: NOTIFY.linkSent, type: NotificationType.success, timeout: 5000, content: <Message /> });
  Notifications.registerNotification({ id: NOTIFY.failed, type: NotificationType.error, timeout: 0, content: <Message /> });
  Notifications.registerNotification({
    id: NOTIFY.stillConnected,
    type: NotificationType.error,
    timeout: 8000,
    content: 'You are still in the video call. End it (or wrap up, which ends it) before completing the task.',
  });
  Notifications.registerNotification({ id: NOTIFY.recordingAttached, type: NotificationType.information, timeout: 8000, content: <Message /> });
  Notifications.registerNotification({ id: NOTIFY.clipReceived, type: NotificationType.information, timeout: 8000, content: <Message /> });
  // A video suggestion (#20): the notice says why and where; the Video tab holds the invitation.
  Notifications.registerNotification({ id: NOTIFY.videoSuggested, type: NotificationType.information, timeout: 10000, content: <Message /> });
  Notifications.registerNotification({ id: NOTIFY.recordingFailed, type: NotificationType.warning, timeout: 0, content: <Message /> });
}
