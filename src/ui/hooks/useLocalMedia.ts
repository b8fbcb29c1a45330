import { useCallback, useEffect, useRef, useState } from 'react';
import { listDevices, MediaProblem, openLocalTracks, stopTracks, type DeviceLists, type LocalTracks, type MediaDeps } from '../media/devices';

export interface LocalMediaState {
  tracks: LocalTracks | null;
  devices: DeviceLists;
  cameraId: string;
  microphoneId: string;
  speakerId: string;
  problem: MediaProblem['code'] | null;
  loading: boolean;
  chooseCamera(id: string): void;
  chooseMicrophone(id: string): void;
  chooseSpeaker(id: string): void;
  retry(): void;
}

const none: DeviceLists = { cameras: [], microphones: [], speakers: [] };

/**
 * Camera and microphone while `active`: opened on demand, re-opened when a device is chosen,
 * and stopped (camera light off) when no longer active or on unmount.
 */
export function useLocalMedia(deps: MediaDeps, active: boolean): LocalMediaState {
  const [tracks, setTracks] = useState<LocalTracks | null>(null);
  const [devices, setDevices] = useState<DeviceLists>(none);
  const [ids, setIds] = useState({ camera: '', microphone: '', speaker: '' });
  const [problem, setProblem] = useState<MediaProblem['code'] | null>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const current = useRef<LocalTracks | null>(null);

  useEffect(() => {
    if (!active) return undefined;
    let cancelled = false;
    setLoading(true);
    setProblem(null);
    openLocalTracks(deps, { camera: ids.camera || undefined, microphone: ids.microphone || undefined })
      .then(async (opened) => {
        if (cancelled) return stopTracks(opened);
        stopTracks(current.current);
        current.current = opened;
        setTracks(opened);
        setDevices(await listDevices(deps)); // labels are only readable once access was granted
      })
      .catch((e) => {
        if (!cancelled) setProblem(e instanceof MediaProblem ? e.code : 'no_devices');
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [deps, active, ids.camera, ids.microphone, attempt]);

  // Turn devices off when the page no longer needs them.
  useEffect(() => {
    if (active) return undefined;
    stopTracks(current.current);
    current.current = null;
    setTracks(null);
    return undefined;
  }, [active]);
  useEffect(() => () => stopTracks(current.current), []);

  return {
    tracks,
    devices,
    cameraId: ids.camera || tracks?.video?.getSettings?.().deviceId || '',
    microphoneId: ids.microphone || tracks?.audio?.getSettings?.().deviceId || '',
    speakerId: ids.speaker,
    problem,
    loading,
    chooseCamera: useCallback((camera: string) => setIds((i) => ({ ...i, camera })), []),
    chooseMicrophone: useCallback((microphone: string) => setIds((i) => ({ ...i, microphone })), []),
    chooseSpeaker: useCallback((speaker: string) => setIds((i) => ({ ...i, speaker })), []),
    retry: useCallback(() => setAttempt((n) => n + 1), []),
  };
}
