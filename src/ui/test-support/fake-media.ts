import { fakeMediaStreamTrack } from '../../client/test-support/fake-media-stream-track';
import type { MediaDeps } from '../media/devices';

/** Test double for the browser's media devices: which devices exist and whether access is allowed. */
export interface FakeMediaOptions {
  camera?: boolean;
  microphone?: boolean;
  denied?: boolean;
  supported?: boolean;
}

export function fakeMedia(options: FakeMediaOptions = {}): MediaDeps & { requests: MediaStreamConstraints[] } {
  const { camera = true, microphone = true, denied = false, supported = true } = options;
  const requests: MediaStreamConstraints[] = [];
  const error = (name: string) => Object.assign(new Error(name), { name });
  return {
    requests,
    supported: () => supported,
    canChooseSpeaker: () => true,
    async getUserMedia(c) {
      requests.push(c);
      if (denied) throw error('NotAllowedError');
      if ((c.audio && !microphone) || (c.video && !camera)) throw error('NotFoundError');
      const tracks = [...(c.audio ? [fakeMediaStreamTrack('audio', { id: `mic-${requests.length}` })] : []), ...(c.video ? [fakeMediaStreamTrack('video', { id: `cam-${requests.length}` })] : [])];
      return {
        getTracks: () => tracks,
        getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
        getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
      } as unknown as MediaStream;
    },
    async enumerateDevices() {
      const d = (kind: MediaDeviceKind, deviceId: string, label: string) => ({ kind, deviceId, label, groupId: 'g' }) as MediaDeviceInfo;
      return [
        ...(camera ? [d('videoinput', 'cam1', 'Front camera'), d('videoinput', 'cam2', 'USB camera')] : []),
        ...(microphone ? [d('audioinput', 'mic1', 'Built-in microphone')] : []),
        d('audiooutput', 'spk1', 'Speakers'),
        d('audiooutput', 'spk2', 'Headphones'),
      ];
    },
  };
}
