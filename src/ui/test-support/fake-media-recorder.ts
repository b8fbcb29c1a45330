/**
 * MediaRecorder for UI tests (jsdom has none): records which tracks it was given and what it was
 * told, and hands over one chunk per second of "recording" on stop, like a real one with a timeslice.
 */
export interface FakeRecorder {
  readonly trackIds: string[];
  readonly log: string[];
  state: RecordingState;
}

export function fakeRecorderClass(): { Recorder: new (stream: MediaStream) => MediaRecorder; instances: FakeRecorder[] } {
  const instances: FakeRecorder[] = [];
  class FakeMediaRecorder extends EventTarget implements FakeRecorder {
    state: RecordingState = 'inactive';
    readonly mimeType = 'video/webm';
    readonly log: string[] = [];
    readonly trackIds: string[];
    constructor(stream: MediaStream) {
      super();
      this.trackIds = stream.getTracks().map((t) => t.id);
      instances.push(this);
    }
    start() {
      this.state = 'recording';
      this.log.push('start');
    }
    pause() {
      this.state = 'paused';
      this.log.push('pause');
    }
    resume() {
      this.state = 'recording';
      this.log.push('resume');
    }
    stop() {
      if (this.state === 'inactive') throw new Error('InvalidStateError');
      this.state = 'inactive';
      this.log.push('stop');
      // As in browsers: the last data, then `stop`, after the call returns.
      void Promise.resolve().then(() => {
        this.dispatchEvent(Object.assign(new Event('dataavailable'), { data: new Blob([`take of ${this.trackIds.join('+')}`], { type: 'video/webm' }) }));
        this.dispatchEvent(new Event('stop'));
      });
    }
  }
  return { Recorder: FakeMediaRecorder as unknown as new (stream: MediaStream) => MediaRecorder, instances };
}
