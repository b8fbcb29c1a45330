/**
 * The one fake MediaStreamTrack (jsdom and node have none) for every unit test of the browser
 * client and the UI: the fields and events they use, and the browser's own "Stop sharing".
 * Test code only: production code never imports test-support/.
 */
export interface FakeMediaStreamTrack extends MediaStreamTrack {
  /** What the browser does when its own "Stop sharing" button is pressed: ends and fires `ended`. */
  endFromBrowser(): void;
}

let nextId = 1;

export function fakeMediaStreamTrack(kind: 'audio' | 'video', options: { id?: string; deviceId?: string } = {}): FakeMediaStreamTrack {
  const listeners = new Map<string, Set<() => void>>();
  const track = {
    id: options.id ?? `${kind}-${nextId++}`,
    kind,
    enabled: true,
    readyState: 'live' as MediaStreamTrackState,
    contentHint: '',
    getSettings: () => ({ deviceId: options.deviceId }),
    addEventListener(type: string, l: () => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(l);
    },
    removeEventListener(type: string, l: () => void) {
      listeners.get(type)?.delete(l);
    },
    // As in browsers, stop() does not fire `ended`.
    stop() {
      track.readyState = 'ended';
    },
    endFromBrowser() {
      track.readyState = 'ended';
      for (const l of [...(listeners.get('ended') ?? [])]) l();
    },
  };
  return track as unknown as FakeMediaStreamTrack;
}

export function fakeStream(...tracks: MediaStreamTrack[]): MediaStream {
  return {
    getTracks: () => tracks,
    getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
    getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
  } as unknown as MediaStream;
}
