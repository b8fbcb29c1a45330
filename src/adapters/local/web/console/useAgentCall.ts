import { useCallback, useEffect, useRef, useState } from 'react';
import type { VideoClient, VideoRoom } from '../../../../client/video-client';
import type { MediaAccess } from '../../../../domain/escalation';
import { browserMedia, openLocalTracks, stopTracks, type LocalTracks } from '../../../../../public/src/media/devices';
import type { Http } from '../lib/api';

export interface EscalateResponse {
  escalationId: string;
  roomName: string;
  customerLink: string;
  reused: boolean;
  recording: boolean;
  access: MediaAccess;
}

export interface AgentCall {
  room: VideoRoom | null;
  conversationId: string | null;
  status: string | undefined;
  endedForEveryone: boolean;
  /** The current call's room records. */
  recording: boolean;
  escalate(conversationId: string): Promise<void>;
  end(): Promise<void>;
  close(): void;
}

const problemText: Record<string, string> = {
  permission_denied: 'Camera and microphone are blocked for this page. Allow them in the address bar and try again.',
  no_devices: 'No camera or microphone was found.',
  device_in_use: 'The camera or microphone is in use by another app.',
  unsupported_browser: 'This browser cannot make video calls.',
};

/**
 * The agent's side of a call: POST /escalate, open camera and mic, connect; End posts /end-call
 * and then leaves if the media server has not already closed the room.
 */
export function useAgentCall(api: Http | null, token: string | null, clientFor: (a: MediaAccess) => VideoClient): AgentCall {
  const [room, setRoom] = useState<VideoRoom | null>(null);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [endedForEveryone, setEnded] = useState(false);
  const [recording, setRecording] = useState(false);
  const escalationId = useRef<string | null>(null);
  const tracks = useRef<LocalTracks | null>(null);

  const release = () => {
    stopTracks(tracks.current);
    tracks.current = null;
  };
  useEffect(() => () => release(), []);

  const escalate = useCallback(
    async (id: string) => {
      if (!api || !token) throw new Error('Not signed in.');
      room?.disconnect();
      setConversationId(id);
      setEnded(false);
      setRoom(null);
      setStatus('Starting the video call…');
      try {
        const res = await api.post<EscalateResponse>('/escalate', { Token: token, conversationId: id });
        escalationId.current = res.escalationId;
        setRecording(res.recording);
        setStatus('Opening camera and microphone…');
        release();
        tracks.current = await openLocalTracks(browserMedia).catch((e: { code?: string }) => {
          throw new Error(problemText[e.code ?? ''] ?? 'Could not open camera or microphone.');
        });
        setStatus('Connecting…');
        const r = await clientFor(res.access).connect(res.access, { audio: tracks.current.audio, video: tracks.current.video });
        r.on('disconnected', () => release());
        setRoom(r);
        setStatus(undefined);
      } catch (e) {
        setStatus(undefined);
        setConversationId(null);
        release();
        throw e;
      }
    },
    [api, token, room, clientFor],
  );

  const end = useCallback(async () => {
    if (!api || !token || !escalationId.current) return;
    await api.post('/end-call', { Token: token, escalationId: escalationId.current });
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
        }, 2000);
      });
      if (open()) r.disconnect();
    }
  }, [api, token, room]);

  const close = useCallback(() => {
    room?.disconnect();
    setRoom(null);
    setConversationId(null);
    setEnded(false);
  }, [room]);

  return { room, conversationId, status, endedForEveryone, recording, escalate, end, close };
}
