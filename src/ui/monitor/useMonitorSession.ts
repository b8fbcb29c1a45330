import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveCall } from '../../api/library-contract';
import type { VideoClient, VideoRoom } from '../../client/video-client';
import type { MediaAccess } from '../../domain/escalation';
import type { MonitorApi } from '../api/monitor-api';

export interface MonitorSession {
  call: LiveCall;
  monitoringId: string;
  room: VideoRoom;
  bargedIn: boolean;
  /** Barge-in only: the supervisor's own microphone, stopped when the session ends. */
  microphone?: MediaStreamTrack;
}

export interface MonitorSessionState {
  session: MonitorSession | null;
  /** The call a Monitor click is connecting to. */
  connecting: string | null;
  stopping: boolean;
  /** Why the last session ended, or why it could not start, in words. */
  notice: string | null;
  start(call: LiveCall, bargeIn?: boolean): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One monitoring session at a time: a grant from the server, a connection that publishes nothing
 * (no local tracks: the grant is receive-only), and Stop, which disconnects and stores the end.
 * A call that ends while watched ends the session the same way.
 */
/** The supervisor's microphone, asked for only when barging in. */
export type OpenMicrophone = () => Promise<MediaStreamTrack>;

const browserMicrophone: OpenMicrophone = async () => (await navigator.mediaDevices.getUserMedia({ audio: true })).getAudioTracks()[0];

export function useMonitorSession(
  api: MonitorApi | null,
  videoClientFor: (access: MediaAccess) => VideoClient,
  openMicrophone: OpenMicrophone = browserMicrophone,
): MonitorSessionState {
  const [session, setSession] = useState<MonitorSession | null>(null);
  const [connecting, setConnecting] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const current = useRef<MonitorSession | null>(null);

  const finish = useCallback(
    async (s: MonitorSession, why: string) => {
      if (current.current !== s) return;
      current.current = null;
      setStopping(true);
      s.room.disconnect();
      s.microphone?.stop();
      try {
        await api?.stop(s.monitoringId);
        setNotice(why);
      } catch (e) {
        setNotice(`${why} The end of monitoring could not be saved: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setStopping(false);
        setSession(null);
      }
    },
    [api],
  );

  const start = useCallback(
    async (call: LiveCall, bargeIn = false) => {
      if (!api || current.current) return;
      setNotice(null);
      setConnecting(call.escalationId);
      try {
        // Barging in needs the microphone first: no session is started for a refused one.
        const microphone = bargeIn ? await openMicrophone() : undefined;
        let started: { monitoringId: string; access: MediaAccess };
        try {
          started = await api.start(call.escalationId, bargeIn);
        } catch (e) {
          microphone?.stop();
          throw e;
        }
        const { monitoringId, access } = started;
        let room: VideoRoom;
        try {
          // Silent: no local tracks at all (the grant is receive-only too). Barge-in: audio only.
          room = await videoClientFor(access).connect(access, microphone ? { audio: microphone } : {});
        } catch (e) {
          microphone?.stop();
          await api.stop(monitoringId).catch(() => undefined);
          throw e;
        }
        const s: MonitorSession = { call, monitoringId, room, bargedIn: bargeIn, microphone };
        current.current = s;
        room.on('disconnected', (reason) => {
          if (reason !== 'left') void finish(s, reason === 'ended' ? 'The call ended.' : 'The connection to the call was lost.');
        });
        setSession(s);
      } catch (e) {
        setNotice(`Could not monitor this call: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setConnecting(null);
      }
    },
    [api, videoClientFor, openMicrophone, finish],
  );

  const stop = useCallback(async () => {
    if (current.current) await finish(current.current, 'Monitoring stopped.');
  }, [finish]);

  // Leaving the page stops watching (the server keeps the end the call gives otherwise).
  useEffect(
    () => () => {
      current.current?.room.disconnect();
      current.current?.microphone?.stop();
    },
    [],
  );

  return { session, connecting, stopping, notice, start, stop };
}
