import { listDevices, MediaProblem, openLocalTracks } from './devices';
import { fakeMedia } from '../test-support/fake-media';

describe('openLocalTracks', () => {
  it('opens camera and microphone together', async () => {
    const t = await openLocalTracks(fakeMedia());
    expect(t.audio?.kind).toBe('audio');
    expect(t.video?.kind).toBe('video');
    expect(t.missing).toBeNull();
  });

  it('falls back to microphone only without a camera', async () => {
    const t = await openLocalTracks(fakeMedia({ camera: false }));
    expect(t.missing).toBe('camera');
    expect(t.video).toBeUndefined();
    expect(t.audio?.kind).toBe('audio');
  });

  it('falls back to camera only without a microphone', async () => {
    const t = await openLocalTracks(fakeMedia({ microphone: false }));
    expect(t.missing).toBe('microphone');
    expect(t.video?.kind).toBe('video');
  });

  it('explains no devices, refusal and old browsers', async () => {
    await expect(openLocalTracks(fakeMedia({ camera: false, microphone: false }))).rejects.toMatchObject({ code: 'no_devices' });
    const denied = fakeMedia({ denied: true });
    await expect(openLocalTracks(denied)).rejects.toBeInstanceOf(MediaProblem);
    await expect(openLocalTracks(denied)).rejects.toMatchObject({ code: 'permission_denied' });
    expect(denied.requests).toHaveLength(2); // refused once per attempt: no pointless fallbacks
    await expect(openLocalTracks(fakeMedia({ supported: false }))).rejects.toMatchObject({ code: 'unsupported_browser' });
  });

  it('asks for the chosen devices exactly', async () => {
    const m = fakeMedia();
    await openLocalTracks(m, { camera: 'cam2', microphone: 'mic1' });
    expect(m.requests[0].audio).toEqual({ deviceId: { exact: 'mic1' }, echoCancellation: true, noiseSuppression: true, autoGainControl: false });
    expect((m.requests[0].video as MediaTrackConstraints).deviceId).toEqual({ exact: 'cam2' });
  });

  it('keeps echo cancellation but turns off automatic gain control (it distorts speech for transcripts)', async () => {
    const m = fakeMedia();
    await openLocalTracks(m, {});
    expect(m.requests[0].audio).toEqual({ echoCancellation: true, noiseSuppression: true, autoGainControl: false });
  });
});

describe('listDevices', () => {
  it('groups devices by kind', async () => {
    const d = await listDevices(fakeMedia());
    expect(d.cameras.map((c) => c.deviceId)).toEqual(['cam1', 'cam2']);
    expect(d.microphones).toHaveLength(1);
    expect(d.speakers.map((s) => s.label)).toEqual(['Speakers', 'Headphones']);
  });
});
