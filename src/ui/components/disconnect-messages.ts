import type { DisconnectReason } from '../../client/video-client';

export type Perspective = 'agent' | 'customer';

export interface DisconnectMessage {
  title: string;
  detail: string;
}

/** Why the call ended, in words for the person who sees it. */
export function disconnectMessage(reason: DisconnectReason, who: Perspective): DisconnectMessage {
  switch (reason) {
    case 'ended':
      return who === 'customer'
        ? { title: 'The agent ended the call', detail: 'You can keep chatting with the agent in the chat.' }
        : { title: 'The call has ended', detail: 'The call was ended for everyone.' };
    case 'replaced':
      return {
        title: 'You joined from another tab or device',
        detail: 'The call moved there. Close this tab, or move the call back here.',
      };
    case 'left':
      return { title: 'You left the call', detail: who === 'customer' ? 'You can rejoin while the link is valid.' : 'The call goes on without you until it is ended.' };
    case 'network':
      return { title: 'The connection was lost', detail: 'Check your internet connection, then rejoin.' };
    case 'error':
    default:
      return { title: 'The call stopped unexpectedly', detail: 'Please try rejoining.' };
  }
}
