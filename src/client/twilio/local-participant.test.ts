import { CAMERA_FAILED, SCREEN_SHARE_FAILED, SCREEN_SHARE_REFUSED } from './local-participant';
import { connectToMock } from './test-support/fixtures';
import { fakeMediaStreamTrack } from '../test-support/fake-media-stream-track';
import { LocalVideoTrack, twilioError } from './test-support/twilio-video';

describe('microphone', () => {
  it('mute and unmute enable/disable the published track (the others are told it is disabled)', async () => {
    const { mock, room, local, log } = await connectToMock();
    const published = mock.room.localParticipant.published.find((p) => p.trackName === 'microphone-p1')!.track;
    const events: string[] = [];
    published.on('disabled', () => events.push('disabled'));
    published.on('enabled', () => events.push('enabled'));

    room.localParticipant.setMicrophoneEnabled(false);
    expect(room.localParticipant.audioEnabled).toBe(false);
    expect(local.audio.enabled).toBe(false);
    room.localParticipant.setMicrophoneEnabled(true);
    expect(room.localParticipant.audioEnabled).toBe(true);
    expect(events).toEqual(['disabled', 'enabled']);
    expect(log).toEqual(['localChanged', 'localChanged']);
    expect(mock.room.localParticipant.publishedNames()).toEqual(['microphone-p1', 'camera-p1']); // still published
  });
});

describe('camera', () => {
  it('off unpublishes and stops the camera (its light goes out); on opens the same device and publishes it again', async () => {
    const { mock, room, local, devices, log } = await connectToMock();
    const lp = mock.room.localParticipant;

    await room.localParticipant.setCameraEnabled(false);
    expect(room.localParticipant.videoEnabled).toBe(false);
    expect(room.localParticipant.videoTrack).toBeNull();
    expect(local.video.readyState).toBe('ended');
    expect(lp.publishedNames()).toEqual(['microphone-p1']);

    await room.localParticipant.setCameraEnabled(true);
    expect(devices.calls).toEqual(['getUserMedia:{"video":{"deviceId":{"ideal":"cam-1"}},"audio":false}']);
    const reopened = devices.opened[0];
    expect(room.localParticipant.videoEnabled).toBe(true);
    expect(room.localParticipant.videoTrack).toBe(reopened);
    expect(lp.publishedNames()).toEqual(['microphone-p1', 'camera-p1']); // the same name as before: still this participant's own
    expect(lp.published[1].track).toBeInstanceOf(LocalVideoTrack);
    expect(lp.log).toEqual(['unpublish:camera-p1', 'publish:camera-p1:standard']);
    expect(log).toEqual(['localChanged', 'localChanged']);

    // The camera this client opened itself is stopped when the call ends.
    room.disconnect();
    expect(reopened.readyState).toBe('ended');
  });

  it('setting the state it already has does nothing; quick toggles run in order', async () => {
    const { mock, room, devices } = await connectToMock();
    await room.localParticipant.setCameraEnabled(true);
    expect(devices.calls).toEqual([]);
    await Promise.all([room.localParticipant.setCameraEnabled(false), room.localParticipant.setCameraEnabled(true), room.localParticipant.setCameraEnabled(true)]);
    expect(devices.calls).toHaveLength(1);
    expect(mock.room.localParticipant.log).toEqual(['unpublish:camera-p1', 'publish:camera-p1:standard']);
  });

  it('a camera that cannot be opened rejects readably and stays off', async () => {
    const { room, devices } = await connectToMock();
    await room.localParticipant.setCameraEnabled(false);
    devices.cameraError = new DOMException('busy', 'NotReadableError') as unknown as Error;
    await expect(room.localParticipant.setCameraEnabled(true)).rejects.toThrow(CAMERA_FAILED);
    expect(room.localParticipant.videoEnabled).toBe(false);
    devices.cameraError = null;
    await room.localParticipant.setCameraEnabled(true); // the queue survives a failure
    expect(room.localParticipant.videoEnabled).toBe(true);
  });

  it('a camera that cannot be published is stopped again', async () => {
    const { mock, room, devices } = await connectToMock();
    await room.localParticipant.setCameraEnabled(false);
    mock.room.localParticipant.publishError = twilioError(53304, 'Track name is duplicated');
    await expect(room.localParticipant.setCameraEnabled(true)).rejects.toThrow(CAMERA_FAILED);
    expect(devices.opened[0].readyState).toBe('ended');
    expect(room.localParticipant.videoEnabled).toBe(false);
  });
});

describe('screen share', () => {
  it('publishes the picked screen as "screen-<suffix>" with priority high, and unpublishes and stops it on stop', async () => {
    const { mock, room, devices, log } = await connectToMock();
    const lp = mock.room.localParticipant;
    await room.localParticipant.startScreenShare();
    expect(devices.calls).toEqual(['getDisplayMedia:{"video":true,"audio":false}']);
    const screen = devices.opened[0];
    expect(screen.contentHint).toBe('detail');
    expect(room.localParticipant.screenSharing).toBe(true);
    expect(lp.log).toEqual(['publish:screen-p1:high']);
    expect(lp.published.find((p) => p.trackName === 'screen-p1')?.track.mediaStreamTrack).toBe(screen);

    await room.localParticipant.stopScreenShare();
    expect(room.localParticipant.screenSharing).toBe(false);
    expect(screen.readyState).toBe('ended');
    expect(lp.log).toEqual(['publish:screen-p1:high', 'unpublish:screen-p1']);
    expect(lp.publishedNames()).toEqual(['microphone-p1', 'camera-p1']);
    expect(log).toEqual(['localChanged', 'localChanged']);
  });

  it("the browser's own Stop sharing button unpublishes it", async () => {
    const { mock, room, devices } = await connectToMock();
    await room.localParticipant.startScreenShare();
    devices.opened[0].endFromBrowser();
    await Promise.resolve();
    expect(room.localParticipant.screenSharing).toBe(false);
    expect(mock.room.localParticipant.log).toEqual(['publish:screen-p1:high', 'unpublish:screen-p1']);
  });

  it('a refused or cancelled picker rejects with a readable message and publishes nothing', async () => {
    const { mock, room, devices } = await connectToMock();
    devices.displayError = new DOMException('Permission denied', 'NotAllowedError') as unknown as Error;
    await expect(room.localParticipant.startScreenShare()).rejects.toThrow(SCREEN_SHARE_REFUSED);
    expect(room.localParticipant.screenSharing).toBe(false);
    expect(mock.room.localParticipant.log).toEqual([]);
  });

  it('a publish twilio refuses stops the screen and rejects readably', async () => {
    const { mock, room, devices } = await connectToMock();
    mock.room.localParticipant.publishError = twilioError(53203, 'The maximum number of published tracks allowed in the Room at the same time has been reached');
    await expect(room.localParticipant.startScreenShare()).rejects.toThrow(SCREEN_SHARE_FAILED);
    expect(devices.opened[0].readyState).toBe('ended');
    expect(room.localParticipant.screenSharing).toBe(false);
  });

  it('stopped while still publishing: ends unpublished, without an error', async () => {
    const { mock, room, devices } = await connectToMock();
    const release = mock.room.localParticipant.holdPublishing();
    const starting = room.localParticipant.startScreenShare();
    await new Promise((r) => setTimeout(r, 0));
    devices.opened[0].endFromBrowser();
    release();
    await expect(starting).resolves.toBeUndefined();
    expect(room.localParticipant.screenSharing).toBe(false);
    expect(mock.room.localParticipant.publishedNames()).toEqual(['microphone-p1', 'camera-p1']);
  });

  it('a second start while one is under way or active does nothing', async () => {
    const { room, devices } = await connectToMock();
    await Promise.all([room.localParticipant.startScreenShare(), room.localParticipant.startScreenShare()]);
    await room.localParticipant.startScreenShare();
    expect(devices.calls).toHaveLength(1);
  });

  it('publishes a screen the caller already picked, without asking the browser, and never stops it', async () => {
    const { mock, room, devices } = await connectToMock();
    const lp = mock.room.localParticipant;
    const picked = fakeMediaStreamTrack('video', { id: 'picked-screen' });
    await room.localParticipant.startScreenShare(picked);
    expect(devices.calls).toEqual([]);
    expect(lp.log).toEqual(['publish:screen-p1:high']);
    expect(lp.published.find((p) => p.trackName === 'screen-p1')?.track.mediaStreamTrack).toBe(picked);
    await room.localParticipant.stopScreenShare();
    expect(lp.log).toEqual(['publish:screen-p1:high', 'unpublish:screen-p1']);
    expect(picked.readyState).toBe('live'); // the caller's: a retake publishes it again
    await room.localParticipant.startScreenShare(picked);
    mock.room.serverDisconnect(twilioError(53118));
    expect(picked.readyState).toBe('live');
  });

  it('a given screen that cannot be published is left running for its owner', async () => {
    const { mock, room } = await connectToMock();
    mock.room.localParticipant.publishError = twilioError(53304, 'Track name is duplicated');
    const picked = fakeMediaStreamTrack('video');
    await expect(room.localParticipant.startScreenShare(picked)).rejects.toThrow(SCREEN_SHARE_FAILED);
    expect(picked.readyState).toBe('live');
    expect(room.localParticipant.screenSharing).toBe(false);
  });

  it('ending the call stops the screen this client opened but never the caller\'s camera or microphone', async () => {
    const { mock, room, devices, local } = await connectToMock();
    await room.localParticipant.startScreenShare();
    mock.room.serverDisconnect(twilioError(53118));
    expect(devices.opened[0].readyState).toBe('ended');
    expect(room.localParticipant.screenSharing).toBe(false);
    expect(local.audio.readyState).toBe('live');
    expect(local.video.readyState).toBe('live');
  });
});
