/**
 * jsdom has no WebRTC media: a MediaStream that just holds its tracks, and media elements whose
 * play() resolves. Import this first in UI tests that render video or audio.
 */
class FakeMediaStream {
  private readonly tracks: MediaStreamTrack[];
  constructor(tracks: MediaStreamTrack[] = []) {
    this.tracks = [...tracks];
  }
  getTracks(): MediaStreamTrack[] {
    return [...this.tracks];
  }
  getVideoTracks(): MediaStreamTrack[] {
    return this.tracks.filter((t) => t.kind === 'video');
  }
  getAudioTracks(): MediaStreamTrack[] {
    return this.tracks.filter((t) => t.kind === 'audio');
  }
}

const g = globalThis as unknown as { MediaStream?: unknown };
if (!g.MediaStream) g.MediaStream = FakeMediaStream;

if (typeof HTMLMediaElement !== 'undefined') {
  Object.defineProperty(HTMLMediaElement.prototype, 'play', { configurable: true, value: () => Promise.resolve() });
  Object.defineProperty(HTMLMediaElement.prototype, 'pause', { configurable: true, value: () => undefined });
  // jsdom stores srcObject nowhere; keep it so tests can see which track is attached.
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    configurable: true,
    get(this: { _src?: unknown }) {
      return this._src ?? null;
    },
    set(this: { _src?: unknown }, v: unknown) {
      this._src = v;
    },
  });
}

/** The track ids a media element currently plays. */
export function attachedTrackIds(el: Element): string[] {
  const src = (el as HTMLMediaElement).srcObject as MediaStream | null;
  return src ? src.getTracks().map((t) => t.id) : [];
}

export {};
