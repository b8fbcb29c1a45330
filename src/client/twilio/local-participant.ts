import type { LocalParticipant, TrackSource } from '../video-client';
import { PUBLISH_PRIORITY } from './connect-options';
import type { TwilioLocalParticipant, TwilioLocalTrack, TwilioLocalTrackClass } from './twilio-video-api';

/** The browser's capture calls (navigator.mediaDevices), injectable for tests. */
export interface CaptureDevices {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia(options: DisplayMediaStreamOptions): Promise<MediaStream>;
}

export interface LocalTracks {
  microphone: TwilioLocalTrack | null;
  camera: TwilioLocalTrack | null;
}

export const SCREEN_SHARE_REFUSED = 'Screen sharing was not started. Allow screen sharing in your browser to show your screen.';
export const SCREEN_SHARE_FAILED = 'Your screen could not be shared with the call.';
export const CAMERA_FAILED = 'The camera could not be turned on. Check that no other app is using it.';

/**
 * The local side of a Twilio room, with the Janus client's semantics: mute is the microphone
 * track's `enabled` (instant; twilio-video tells the others it is disabled). Camera off
 * unpublishes and stops the camera (its light goes out); camera on opens the same device again
 * and publishes it under the same name. A screen share is its own LocalVideoTrack named
 * `screen-<suffix>` (`names`: this participant's own track names), published with priority high,
 * and unpublished when the browser's own "Stop sharing" ends it.
 */
export class TwilioLocalParticipantView implements LocalParticipant {
  private microphone: TwilioLocalTrack | null;
  private camera: TwilioLocalTrack | null;
  private screen: TwilioLocalTrack | null = null;
  private screenStarting = false;
  /** Tracks this object opened itself; the caller's tracks are never stopped on leave. */
  private readonly owned = new Set<TwilioLocalTrack>();
  private readonly cameraDeviceId: string | undefined;
  /** Camera on/off calls run one after the other (a double click must not open two cameras). */
  private cameraQueue: Promise<void> = Promise.resolve();
  private released = false;

  constructor(
    readonly identity: string,
    readonly displayName: string,
    private readonly participant: TwilioLocalParticipant,
    tracks: LocalTracks,
    private readonly names: Readonly<Record<TrackSource, string>>,
    private readonly LocalVideoTrack: TwilioLocalTrackClass,
    private readonly devices: () => CaptureDevices,
    private readonly changed: () => void,
  ) {
    this.microphone = tracks.microphone;
    this.camera = tracks.camera;
    this.cameraDeviceId = tracks.camera?.mediaStreamTrack.getSettings?.().deviceId;
  }

  get audioEnabled(): boolean {
    return !!this.microphone && this.microphone.isEnabled;
  }
  get videoEnabled(): boolean {
    return !!this.camera && this.camera.mediaStreamTrack.readyState === 'live';
  }
  get screenSharing(): boolean {
    return !!this.screen;
  }
  get videoTrack(): MediaStreamTrack | null {
    return this.camera?.mediaStreamTrack ?? null;
  }

  setMicrophoneEnabled(enabled: boolean): void {
    if (!this.microphone) return;
    this.microphone.enable(enabled);
    this.changed();
  }

  setCameraEnabled(enabled: boolean): Promise<void> {
    const run = this.cameraQueue.then(() => this.applyCamera(enabled));
    this.cameraQueue = run.catch(() => undefined);
    return run;
  }

  async startScreenShare(given?: MediaStreamTrack): Promise<void> {
    if (this.screen || this.screenStarting || this.released) return;
    this.screenStarting = true;
    try {
      const mst = given ?? (await this.pickScreen());
      if ('contentHint' in mst) mst.contentHint = 'detail'; // text stays sharp rather than smooth
      const track = new this.LocalVideoTrack(mst, { name: this.names.screen });
      // A screen the caller handed in stays theirs (twilio-video stops only tracks it opened itself).
      if (!given) this.owned.add(track);
      this.screen = track;
      // The browser's own "Stop sharing" button ends the track: unpublish as if the user clicked ours.
      mst.addEventListener('ended', () => {
        if (this.screen === track) void this.stopScreenShare();
      });
      try {
        await this.participant.publishTrack(track, { priority: PUBLISH_PRIORITY.screen });
      } catch (e) {
        const stoppedMeanwhile = this.screen !== track; // unpublishing a pending track rejects its publish
        this.screen = null;
        if (this.owned.delete(track)) track.stop();
        if (stoppedMeanwhile) return;
        throw new Error(SCREEN_SHARE_FAILED, { cause: e });
      }
      // Stopped while publishing: take it back down.
      if (this.screen !== track) this.unpublish(track);
    } finally {
      this.screenStarting = false;
    }
    this.changed();
  }

  async stopScreenShare(): Promise<void> {
    const track = this.screen;
    if (!track) return;
    this.screen = null;
    this.unpublish(track);
    if (this.owned.delete(track)) track.stop();
    this.changed();
  }

  private async pickScreen(): Promise<MediaStreamTrack> {
    let stream: MediaStream;
    try {
      stream = await this.devices().getDisplayMedia({ video: true, audio: false });
    } catch {
      throw new Error(SCREEN_SHARE_REFUSED);
    }
    const mst = stream.getVideoTracks()[0];
    if (!mst) throw new Error(SCREEN_SHARE_REFUSED);
    return mst;
  }

  /** The room is gone: stop what this object opened (twilio-video unpublishes on its own). */
  release(): void {
    this.released = true;
    for (const t of this.owned) t.stop();
    this.owned.clear();
    this.screen = null;
  }

  private async applyCamera(enabled: boolean): Promise<void> {
    if (enabled === this.videoEnabled || this.released) return;
    if (!enabled) {
      const old = this.camera;
      this.camera = null;
      if (old) {
        this.unpublish(old);
        old.stop();
        this.owned.delete(old);
      }
      this.changed();
      return;
    }
    let mst: MediaStreamTrack | undefined;
    try {
      const video = this.cameraDeviceId ? { deviceId: { ideal: this.cameraDeviceId } } : true;
      mst = (await this.devices().getUserMedia({ video, audio: false })).getVideoTracks()[0];
    } catch (e) {
      throw new Error(CAMERA_FAILED, { cause: e });
    }
    if (!mst) throw new Error(CAMERA_FAILED);
    if (this.released) {
      mst.stop();
      return;
    }
    const track = new this.LocalVideoTrack(mst, { name: this.names.camera });
    this.owned.add(track);
    this.camera = track;
    try {
      await this.participant.publishTrack(track, { priority: PUBLISH_PRIORITY.camera });
    } catch (e) {
      this.camera = null;
      this.owned.delete(track);
      track.stop();
      this.changed();
      throw new Error(CAMERA_FAILED, { cause: e });
    }
    this.changed();
  }

  private unpublish(track: TwilioLocalTrack): void {
    if (this.released) return;
    try {
      this.participant.unpublishTrack(track);
    } catch (e) {
      console.warn('video: could not unpublish a track', String(e));
    }
  }
}
