/** Camera, microphone and speaker access for the pre-join screen. */

export class MediaProblem extends Error {
  constructor(readonly code: 'unsupported_browser' | 'permission_denied' | 'no_devices' | 'device_in_use') {
    super(code);
    this.name = 'MediaProblem';
  }
}

export interface LocalTracks {
  audio?: MediaStreamTrack;
  video?: MediaStreamTrack;
  /** A device kind the customer does not have; they join without it. */
  missing: 'camera' | 'microphone' | null;
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

/** What the page needs from the browser; tests pass a fake. */
export interface MediaDeps {
  supported(): boolean;
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  enumerateDevices(): Promise<MediaDeviceInfo[]>;
  /** Speaker choice needs HTMLMediaElement.setSinkId (Chrome, Edge, Firefox 116+). */
  canChooseSpeaker(): boolean;
}

export const browserMedia: MediaDeps = {
  supported: () =>
    typeof window !== 'undefined' &&
    typeof window.RTCPeerConnection === 'function' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function',
  getUserMedia: (c) => navigator.mediaDevices.getUserMedia(c),
  enumerateDevices: () => navigator.mediaDevices.enumerateDevices(),
  canChooseSpeaker: () => typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype,
};

const name = (e: unknown) => (e as { name?: string })?.name ?? '';
const notFound = (e: unknown) => ['NotFoundError', 'OverconstrainedError', 'DevicesNotFoundError'].includes(name(e));

function problemOf(e: unknown): MediaProblem {
  const n = name(e);
  if (n === 'NotAllowedError' || n === 'SecurityError' || n === 'PermissionDeniedError') return new MediaProblem('permission_denied');
  if (n === 'NotReadableError' || n === 'AbortError' || n === 'TrackStartError') return new MediaProblem('device_in_use');
  return new MediaProblem('no_devices');
}

/**
 * Echo cancellation and noise suppression stay on (speakers and rooms need them); automatic gain
 * control is off: it ramps up in silences and then distorts the next words, which costs the
 * transcript more than it helps the listener.
 */
const audioConstraint = (id?: string): MediaTrackConstraints => ({
  ...(id ? { deviceId: { exact: id } } : {}),
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: false,
});
const videoConstraint = (id?: string): MediaTrackConstraints => ({
  ...(id ? { deviceId: { exact: id } } : {}),
  width: { ideal: 1280 },
  height: { ideal: 720 },
});

/**
 * Opens camera and microphone. A customer with only one of them joins with that one (mic-only or
 * camera-only); with neither, or when access is refused, it throws a MediaProblem the page explains.
 */
export async function openLocalTracks(deps: MediaDeps, ids: { camera?: string; microphone?: string } = {}): Promise<LocalTracks> {
  if (!deps.supported()) throw new MediaProblem('unsupported_browser');
  try {
    const s = await deps.getUserMedia({ audio: audioConstraint(ids.microphone), video: videoConstraint(ids.camera) });
    return { audio: s.getAudioTracks()[0], video: s.getVideoTracks()[0], missing: null };
  } catch (both) {
    if (!notFound(both)) throw problemOf(both);
  }
  try {
    const s = await deps.getUserMedia({ audio: audioConstraint(ids.microphone) });
    return { audio: s.getAudioTracks()[0], missing: 'camera' };
  } catch (audioOnly) {
    if (!notFound(audioOnly)) throw problemOf(audioOnly);
  }
  try {
    const s = await deps.getUserMedia({ video: videoConstraint(ids.camera) });
    return { video: s.getVideoTracks()[0], missing: 'microphone' };
  } catch (videoOnly) {
    throw problemOf(videoOnly);
  }
}

export async function listDevices(deps: MediaDeps): Promise<DeviceLists> {
  const all = await deps.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
  return {
    cameras: all.filter((d) => d.kind === 'videoinput'),
    microphones: all.filter((d) => d.kind === 'audioinput'),
    speakers: deps.canChooseSpeaker() ? all.filter((d) => d.kind === 'audiooutput') : [],
  };
}

export function stopTracks(t: Pick<LocalTracks, 'audio' | 'video'> | null): void {
  t?.audio?.stop();
  t?.video?.stop();
}
