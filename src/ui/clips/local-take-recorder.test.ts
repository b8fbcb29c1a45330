import '../test-support/media-env';
import { fakeMediaStreamTrack } from '../../client/test-support/fake-media-stream-track';
import { fakeRecorderClass } from '../test-support/fake-media-recorder';
import { LocalTakeRecorder } from './local-take-recorder';

const text = (b: Blob) =>
  new Promise<string>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as string);
    r.readAsText(b);
  });

describe('LocalTakeRecorder', () => {
  it('records the screen with the voice, and the camera on its own for the pip', async () => {
    const { Recorder, instances } = fakeRecorderClass();
    const rec = new LocalTakeRecorder(Recorder, { main: [fakeMediaStreamTrack('video', { id: 'screen' }), fakeMediaStreamTrack('audio', { id: 'mic' })], pip: fakeMediaStreamTrack('video', { id: 'cam' }) });
    expect(rec.available).toBe(true);
    expect(instances.map((i) => i.trackIds)).toEqual([['screen', 'mic'], ['cam']]);
    rec.pause();
    rec.resume();
    const take = await rec.stop();
    expect(instances.map((i) => i.log)).toEqual([
      ['start', 'pause', 'resume', 'stop'],
      ['start', 'pause', 'resume', 'stop'],
    ]);
    expect(await text(take!.main)).toBe('take of screen+mic');
    expect(await text(take!.pip!)).toBe('take of cam');
  });

  it('is simply unavailable without MediaRecorder', async () => {
    const rec = new LocalTakeRecorder(null, { main: [fakeMediaStreamTrack('video')] });
    expect(rec.available).toBe(false);
    rec.pause();
    expect(await rec.stop()).toBeNull();
  });

  it('is unavailable when the browser refuses to record the stream', async () => {
    class Refusing {
      constructor() {
        throw new DOMException('unsupported', 'NotSupportedError');
      }
    }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const rec = new LocalTakeRecorder(Refusing as unknown as typeof MediaRecorder, { main: [fakeMediaStreamTrack('video')] });
    expect(rec.available).toBe(false);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('discard stops recording and keeps nothing', async () => {
    const { Recorder, instances } = fakeRecorderClass();
    const rec = new LocalTakeRecorder(Recorder, { main: [fakeMediaStreamTrack('video')] });
    rec.discard();
    expect(instances[0].state).toBe('inactive');
    expect(await rec.stop()).toBeNull();
  });
});
