import { useCallback, useEffect, useRef, useState } from 'react';
import type { VideoClient, VideoRoom } from '../../client/video-client';
import type { MediaAccess } from '../../domain/escalation';
import type { EscalateResponse } from '../../api/contract';
import type { EscalationApi } from '../api/escalation-api';
import { browserMedia, openLocalTracks, stopTracks, type LocalTracks, type MediaDeps } from '../media/devices';

export interface AgentCall {
  room: VideoRoom | null;
  conversationId: string | null;
  status: string | undefined;
  endedForEveryone: boolean;
  /** The current call's room records. */
  recording: boolean;
  /** What the last escalation answered (the link sent, whether it was reused). */
  escalation: EscalateResponse | null;
  /** True while this browser is in a call (connecting or connected). */
  connected: boolean;
  escalate(conversationId: string): Promise<EscalateResponse>;
  end(): Promise<void>;
  close(): void;
}

const problemText: Record<string, string> = {
  permission_denied: 'Camera and microphone are blocked for this page. Allow them in the address bar and try again.',
  no_devices: 'No camera or microphone was found.',
  device_in_use: 'The camera or microphone is in use by another app.',
  unsupported_browser: 'This browser cannot make video calls.',
};

/** How long after End the panel waits for the media server to close the room before leaving itself. */
const ROOM_CLOSE_GRACE_MS = 2000;

/**
 * The agent's side of a call, for the Flex plugin and the local console alike: escalate, open
 * camera and mic, connect; End ends it for everyone and then leaves if the media server has not
 * already closed the room. Once the call has ended for everyone the panel closes itself: the chat
 * says the call ended and the recording's progress takes over.
 */
export function useAgentCall(api: EscalationApi | null, clientFor: (a: MediaAccess) => VideoClient, media: MediaDeps = browserMedia): AgentCall {
  const [room, setRoom] = useState<VideoRoom | null>(null);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [endedForEveryone, setEnded] = useState(false);
  const [escalation, setEscalation] = useState<EscalateResponse | null>(null);
  const [, setRoomState] = useState(0);
  const tracks = useRef<LocalTracks | null>(null);

  const release = () => {
    stopTracks(tracks.current);
    tracks.current = null;
  };
  useEffect(() => () => release(), []);

  const close = useCallback(() => {
    room?.disconnect();
    setRoom(null);
    setConversationId(null);
    setEnded(false);
  }, [room]);

  // Re-render on the room's state changes, so `connected` follows them.
  useEffect(() => {
    if (!room) return;
    const offs = [room.on('disconnected', () => setRoomState((n) => n + 1)), room.on('reconnecting', () => setRoomState((n) => n + 1))];
    return () => offs.forEach((off) => off());
  }, [room]);

  const escalate = useCallback(
    async (id: string) => {
      if (!api) throw new Error('Not signed in.');
      room?.disconnect();
      setConversationId(id);
      setEnded(false);
      setRoom(null);
      setStatus('Starting the video call…');
      try {
        const res = await api.escalate(id);
        setEscalation(res);
        setStatus('Opening camera and microphone…');
        release();
        tracks.current = await openLocalTracks(media).catch((e: { code?: string }) => {
          throw new Error(problemText[e.code ?? ''] ?? 'Could not open camera or microphone.');
        });
        setStatus('Connecting…');
        const r = await clientFor(res.access).connect(res.access, { audio: tracks.current.audio, video: tracks.current.video });
        r.on('disconnected', () => release());
        setRoom(r);
        setStatus(undefined);
        return res;
      } catch (e) {
        setStatus(undefined);
        setConversationId(null);
        release();
        throw e;
      }
    },
    [api, room, clientFor, media],
  );

  const end = useCallback(async () => {
    if (!api || !escalation) return;
    await api.endCall(escalation.escalationId);
    setEnded(true);
    const r = room;
    const open = () => !!r && r.state !== 'disconnected';
    if (r && open()) {
      // Give the media server a moment to close the room itself; then leave regardless.
      await new Promise<void>((resolve) => {
        const off = r.on('disconnected', () => resolve());
        setTimeout(() => {
          off();
          resolve();
        }, ROOM_CLOSE_GRACE_MS);
      });
      if (open()) r.disconnect();
    }
    setRoom(null);
    setConversationId(null);
    setStatus(undefined);
  }, [api, escalation, room]);

  const connected = !!room && room.state !== 'disconnected';
  return { room, conversationId, status, endedForEveryone, recording: escalation?.recording ?? false, escalation, connected, escalate, end, close };
}
