import { useEffect, useReducer, useState } from 'react';
import type {
  DisconnectReason,
  NetworkQualityLevel,
  RemoteParticipant,
  RoomEvents,
  RoomState,
  VideoRoom,
} from '../../client/video-client';
import { isHiddenIdentity } from '../../domain/escalation';

export interface RoomView {
  state: RoomState;
  /** Set once the room is disconnected, so the UI can say why. */
  reason: DisconnectReason | null;
  participants: RemoteParticipant[];
  audioEnabled: boolean;
  videoEnabled: boolean;
  screenSharing: boolean;
  localVideo: MediaStreamTrack | null;
  networkQuality: NetworkQualityLevel | null;
}

const EVENTS: (keyof RoomEvents)[] = [
  'participantConnected',
  'participantDisconnected',
  'trackSubscribed',
  'trackUnsubscribed',
  'reconnecting',
  'reconnected',
  'localChanged',
];

/**
 * Re-renders on every room event and reads the (mutable) room afresh, so the view can never
 * drift from the room's own state.
 */
export function useRoomState(room: VideoRoom | null): RoomView | null {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const [reason, setReason] = useState<DisconnectReason | null>(null);
  const [networkQuality, setNetworkQuality] = useState<NetworkQualityLevel | null>(null);

  useEffect(() => {
    setReason(null);
    setNetworkQuality(null);
    if (!room) return undefined;
    const offs = EVENTS.map((e) => room.on(e, () => bump()));
    offs.push(room.on('disconnected', (r) => setReason(r)));
    offs.push(room.on('networkQualityLevelChanged', (level) => setNetworkQuality(level)));
    return () => offs.forEach((off) => off());
  }, [room]);

  if (!room) return null;
  const local = room.localParticipant;
  return {
    state: room.state,
    reason: room.state === 'disconnected' ? (reason ?? 'error') : null,
    // The one place every UI lists who is in the call: silent monitors are never among them.
    participants: [...room.participants.values()].filter((p) => !isHiddenIdentity(p.identity)),
    audioEnabled: local.audioEnabled,
    videoEnabled: local.videoEnabled,
    screenSharing: local.screenSharing,
    localVideo: local.videoEnabled ? local.videoTrack : null,
    networkQuality,
  };
}
