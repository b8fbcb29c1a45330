/** The MediaRecorder constructor; missing in jsdom and in some older browsers. */
export type RecorderClass = new (stream: MediaStream, options?: MediaRecorderOptions) => MediaRecorder;

/** What was recorded in this browser: the main picture with the voice, and the camera on its own in pip mode. */
export interface LocalTake {
  main: Blob;
  pip?: Blob;
}

export const browserRecorderClass = (): RecorderClass | null =>
  typeof window !== 'undefined' && typeof window.MediaRecorder === 'function' ? window.MediaRecorder : null;

class Part {
  private readonly chunks: Blob[] = [];
  private readonly stopped: Promise<Blob>;

  constructor(readonly recorder: MediaRecorder) {
    recorder.addEventListener('dataavailable', (e) => {
      const data = (e as BlobEvent).data;
      if (data && data.size > 0) this.chunks.push(data);
    });
    this.stopped = new Promise((resolve) => {
      recorder.addEventListener('stop', () => resolve(new Blob(this.chunks, { type: recorder.mimeType || 'video/webm' })));
    });
  }

  /** Resolves with what was recorded; a recorder that never says it stopped gives what it had after 2 s. */
  stop(): Promise<Blob> {
    try {
      if (this.recorder.state !== 'inactive') this.recorder.stop();
    } catch {
      // a recorder that failed is already inactive
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<Blob>((resolve) => {
      timer = setTimeout(() => resolve(new Blob(this.chunks, { type: this.recorder.mimeType || 'video/webm' })), 2000);
    });
    return Promise.race([this.stopped, late]).finally(() => clearTimeout(timer));
  }
}

/**
 * Records the take in this browser while it is published, only for the preview after Stop (the
 * clip itself is what the media server recorded). Pauses with the take so the preview shows what
 * the clip holds. Where MediaRecorder is missing or refuses, `available` is false and there is
 * simply no preview.
 */
export class LocalTakeRecorder {
  private readonly parts: { main?: Part; pip?: Part } = {};

  constructor(Recorder: RecorderClass | null, tracks: { main: MediaStreamTrack[]; pip?: MediaStreamTrack }) {
    if (!Recorder || tracks.main.length === 0) return;
    try {
      this.parts.main = new Part(new Recorder(new MediaStream(tracks.main)));
      if (tracks.pip) this.parts.pip = new Part(new Recorder(new MediaStream([tracks.pip])));
      // A timeslice hands data over as it comes, so a long take never sits in one buffer.
      for (const p of this.each()) p.recorder.start(1000);
    } catch (e) {
      console.warn('clip: no local preview recording', String(e));
      this.discard();
    }
  }

  get available(): boolean {
    return !!this.parts.main;
  }

  pause(): void {
    for (const p of this.each()) if (p.recorder.state === 'recording') p.recorder.pause();
  }

  resume(): void {
    for (const p of this.each()) if (p.recorder.state === 'paused') p.recorder.resume();
  }

  async stop(): Promise<LocalTake | null> {
    const { main, pip } = this.parts;
    if (!main) return null;
    const [mainBlob, pipBlob] = await Promise.all([main.stop(), pip?.stop()]);
    return mainBlob.size > 0 ? { main: mainBlob, ...(pipBlob && pipBlob.size > 0 ? { pip: pipBlob } : {}) } : null;
  }

  /** The take was thrown away: stop without keeping anything. */
  discard(): void {
    for (const p of this.each()) {
      try {
        if (p.recorder.state !== 'inactive') p.recorder.stop();
      } catch {
        // already stopped
      }
    }
    delete this.parts.main;
    delete this.parts.pip;
  }

  private each(): Part[] {
    return [this.parts.main, this.parts.pip].filter((p): p is Part => !!p);
  }
}
