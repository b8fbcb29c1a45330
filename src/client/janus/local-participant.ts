import type { LocalParticipant } from '../video-client';

/** What the local participant needs from the room to act on the call. */
export interface LocalControls {
  replaceCamera(track: MediaStreamTrack | null): Promise<void>;
  publishScreen(track: MediaStreamTrack): Promise<void>;
  unpublishScreen(): Promise<void>;
  changed(): void;
}

/**
 * Mute is `track.enabled` (instant, no renegotiation). Camera off stops the camera (its light goes
 * out) and sends nothing; camera on opens the same device again and swaps it in.
 */
export class JanusLocalParticipant implements LocalParticipant {
  private camera: MediaStreamTrack | null;
  private screen: MediaStreamTrack | null = null;
  private readonly owned = new Set<MediaStreamTrack>();
  private cameraDeviceId: string | undefined;

  constructor(
    readonly identity: string,
    readonly displayName: string,
    private readonly audio: MediaStreamTrack | null,
    camera: MediaStreamTrack | null,
    private readonly controls: LocalControls,
  ) {
    this.camera = camera;
    this.cameraDeviceId = camera?.getSettings().deviceId;
  }

  get audioEnabled(): boolean {
    return !!this.audio && this.audio.enabled;
  }
  get videoEnabled(): boolean {
    return !!this.camera && this.camera.readyState === 'live';
  }
  get screenSharing(): boolean {
    return !!this.screen;
  }
  get videoTrack(): MediaStreamTrack | null {
    return this.camera;
  }

  setMicrophoneEnabled(enabled: boolean): void {
    if (!this.audio) return;
    this.audio.enabled = enabled;
    this.controls.changed();
  }

  async setCameraEnabled(enabled: boolean): Promise<void> {
    if (enabled === this.videoEnabled) return;
    if (!enabled) {
      const old = this.camera;
      this.camera = null;
      await this.controls.replaceCamera(null);
      old?.stop();
    } else {
      const video = this.cameraDeviceId ? { deviceId: { ideal: this.cameraDeviceId } } : true;
      const stream = await navigator.mediaDevices.getUserMedia({ video });
      const track = stream.getVideoTracks()[0];
      this.owned.add(track);
      this.camera = track;
      await this.controls.replaceCamera(track);
    }
    this.controls.changed();
  }

  async startScreenShare(given?: MediaStreamTrack): Promise<void> {
    if (this.screen) return;
    const track = given ?? (await this.pickScreen());
    // Text on a shared screen stays legible when bandwidth drops: the encoder keeps detail over motion.
    if ('contentHint' in track && !track.contentHint) track.contentHint = 'detail';
    this.screen = track;
    if (!given) this.owned.add(track);
    // The browser's own "Stop sharing" button ends the track: unpublish as if the user clicked ours.
    track.addEventListener('ended', () => {
      if (this.screen === track) void this.stopScreenShare();
    });
    try {
      await this.controls.publishScreen(track);
    } catch (e) {
      this.screen = null;
      if (this.owned.delete(track)) track.stop();
      throw e;
    }
    this.controls.changed();
  }

  private async pickScreen(): Promise<MediaStreamTrack> {
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      return stream.getVideoTracks()[0];
    } catch {
      throw new Error('Screen sharing was not started. Allow screen sharing in your browser to show your screen.');
    }
  }

  async stopScreenShare(): Promise<void> {
    const track = this.screen;
    if (!track) return;
    this.screen = null;
    if (this.owned.delete(track)) track.stop(); // a screen the caller handed in stays theirs
    await this.controls.unpublishScreen();
    this.controls.changed();
  }

  /** Stops the tracks this object opened itself (never the caller's). */
  releaseOwned(): void {
    for (const t of this.owned) t.stop();
    this.owned.clear();
    this.screen = null;
  }
}
