import { attachedTrackIds } from '../test-support/media-env';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { fakeMediaStreamTrack, type FakeMediaStreamTrack } from '../../client/test-support/fake-media-stream-track';
import { ApiError } from '../api/clip-api';
import { clipView, FakeClipApi } from '../test-support/fake-clip-api';
import { fakeMedia } from '../test-support/fake-media';
import { fakeRecorderClass } from '../test-support/fake-media-recorder';
import { FakeVideoClient } from '../test-support/fake-room';
import { clipConnector } from './clip-connect';
import { ClipRecorder, type ClipRecorderProps } from './ClipRecorder';

/** Lets pending promises (API answers, device opening, connect) settle inside act(). */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

/** Time passes a second at a time, letting React re-render (and re-arm its timers) in between. */
async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 1000) {
    await act(async () => {
      jest.advanceTimersByTime(Math.min(1000, left));
    });
    await settle();
  }
}

function setup(overrides: Partial<ClipRecorderProps> & { api?: FakeClipApi } = {}) {
  const api = overrides.api ?? new FakeClipApi();
  const client = new FakeVideoClient();
  const screens: FakeMediaStreamTrack[] = [];
  const pickScreen = jest.fn(async () => {
    const t = fakeMediaStreamTrack('video', { id: `screen-${screens.length + 1}` });
    screens.push(t);
    return new MediaStream([t]);
  });
  const recorders = fakeRecorderClass();
  const media = fakeMedia();
  const onSent = jest.fn();
  const onRefused = jest.fn();
  const utils = render(
    <ClipRecorder
      api={api}
      connect={clipConnector(() => client)}
      canCaptureScreen
      media={media}
      pickScreen={pickScreen}
      MediaRecorder={recorders.Recorder}
      onSent={onSent}
      onRefused={onRefused}
      {...overrides}
    />,
  );
  return { api, client, screens, pickScreen, recorders, media, onSent, onRefused, ...utils };
}

const said = () => screen.getByTestId('clip-announcer').textContent;
const phase = () => screen.getByTestId('clip-recorder').getAttribute('data-phase');
const timer = () => screen.getByTestId('clip-timer').textContent?.replace('Recorded time ', '');

async function consentAndRecord() {
  await settle();
  fireEvent.click(screen.getByTestId('clip-consent'));
  fireEvent.click(screen.getByTestId('clip-record'));
  await settle();
}

async function recordNow() {
  await consentAndRecord();
  await advance(3000);
  expect(phase()).toBe('recording');
}

beforeEach(() => {
  jest.useFakeTimers();
  let n = 0;
  URL.createObjectURL = jest.fn(() => `blob:preview-${++n}`);
  URL.revokeObjectURL = jest.fn();
});
afterEach(() => jest.useRealTimers());

describe('ClipRecorder before recording', () => {
  it('offers screen + camera by default, with a camera preview, the privacy notice, and the recording notice to agree to', async () => {
    setup();
    await settle();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Record a video for Alex');
    expect((screen.getByLabelText('Screen and camera') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('group', { name: 'What to record' })).toBeTruthy();
    expect(attachedTrackIds(screen.getByTestId('clip-camera-preview'))).toEqual(['cam-1']);
    expect(screen.getByLabelText('Camera')).toBeTruthy();
    expect(screen.getByLabelText('Microphone')).toBeTruthy();
    expect(screen.getByTestId('clip-mic-level')).toBeTruthy();
    expect(screen.getByTestId('clip-privacy-notice').textContent).toMatch(/Don't show passwords, card numbers or other personal data/);
    expect(screen.getByLabelText(/I agree: This clip is recorded and transcribed/)).toBeTruthy();
    expect((screen.getByTestId('clip-record') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('clip-consent'));
    expect((screen.getByTestId('clip-record') as HTMLButtonElement).disabled).toBe(false);
  });

  it('screen only never opens the camera', async () => {
    const { media } = setup();
    await settle();
    fireEvent.click(screen.getByLabelText('Screen only'));
    await settle();
    expect(media.requests.at(-1)).toEqual({ audio: expect.anything() });
    expect(screen.queryByTestId('clip-camera-preview')).toBeNull();
    expect(screen.queryByLabelText('Camera')).toBeNull();
    expect(screen.getByText(/choose the screen, window or tab when you press Record/)).toBeTruthy();
  });

  it('without getDisplayMedia says so plainly and records the camera only', async () => {
    const { api, client, pickScreen } = setup({ canCaptureScreen: false });
    await settle();
    expect(screen.getByTestId('clip-no-screen').textContent).toBe("Screen recording isn't available in this browser. You can record with your camera.");
    expect(screen.queryByRole('radio')).toBeNull();
    await recordNow();
    expect(pickScreen).not.toHaveBeenCalled();
    expect(api.calls).toEqual(['check', 'start:camera:n1']);
    expect(client.connects[0].local.video?.id).toBe('cam-1');
    expect(client.rooms[0].localParticipant.calls).toEqual([]);
  });

  it('a cancelled screen picker explains itself and starts nothing', async () => {
    const { api, pickScreen } = setup();
    pickScreen.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    await consentAndRecord();
    expect(screen.getByRole('alert').textContent).toMatch(/Screen recording did not start/);
    expect(phase()).toBe('setup');
    await advance(5000);
    expect(api.calls).toEqual(['check']);
  });

  it('a refused link is handed to the host page', async () => {
    const api = new FakeClipApi();
    api.failures.check = new ApiError('link_expired', 'This link has expired.', 401);
    const { onRefused } = setup({ api });
    await settle();
    expect(onRefused).toHaveBeenCalledWith(expect.objectContaining({ code: 'link_expired' }));
  });

  it('explains blocked camera and microphone, with Try again', async () => {
    setup({ media: fakeMedia({ denied: true }) });
    await settle();
    expect(screen.getByTestId('clip-media-problem').textContent).toMatch(/Camera and microphone are blocked/);
    expect((screen.getByTestId('clip-record') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('ClipRecorder recording a take', () => {
  it('picks the screen before the 3-2-1, then starts the take and publishes screen, camera and voice', async () => {
    const { api, client, pickScreen, recorders } = setup();
    await consentAndRecord();
    expect(pickScreen).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('clip-count').textContent).toBe('3');
    expect(said()).toBe('Recording starts in 3 seconds.');
    expect(document.activeElement).toBe(screen.getByTestId('clip-cancel'));
    await advance(1000);
    expect(screen.getByTestId('clip-count').textContent).toBe('2');
    expect(api.calls).toEqual(['check']); // nothing is recorded during the countdown
    await advance(2000);

    expect(api.calls).toEqual(['check', 'start:screen+camera:n1']);
    expect(client.connects[0].access.roomName).toBe('clip-clip-1-1');
    expect(client.connects[0].local).toEqual({ audio: expect.objectContaining({ id: 'mic-1' }), video: expect.objectContaining({ id: 'cam-1' }) });
    expect(client.rooms[0].localParticipant.calls).toEqual(['screen:start:screen-1']);
    expect(recorders.instances.map((r) => r.trackIds)).toEqual([['screen-1', 'mic-1'], ['cam-1']]);
    expect(said()).toBe('Recording started.');
    expect(document.activeElement).toBe(screen.getByTestId('clip-pause'));
    expect(attachedTrackIds(screen.getByTestId('clip-live-main'))).toEqual(['screen-1']);
    expect(attachedTrackIds(screen.getByTestId('clip-live-pip'))).toEqual(['cam-1']);
  });

  it('counts recorded time only, and announces start, pause, resume and each full minute, not every second', async () => {
    const { api, recorders } = setup();
    await recordNow();
    const heard: string[] = [];
    const listen = async (ms: number) => {
      for (let t = 0; t < ms; t += 1000) {
        await advance(1000);
        if (said() !== heard.at(-1)) heard.push(said() as string);
      }
    };
    await listen(20_000);
    expect(timer()).toBe('00:20 / 03:00');
    expect(heard).toEqual(['Recording started.']);

    fireEvent.click(screen.getByTestId('clip-pause'));
    await settle();
    expect(screen.getByTestId('clip-state').textContent).toBe('Paused');
    expect(screen.getByTestId('clip-pause').textContent).toBe('Resume');
    expect(document.activeElement).toBe(screen.getByTestId('clip-pause'));
    expect(said()).toBe('Recording paused.');
    await advance(30_000);
    expect(timer()).toBe('00:20 / 03:00');

    fireEvent.click(screen.getByTestId('clip-pause'));
    await settle();
    expect(said()).toBe('Recording resumed.');
    heard.splice(0, heard.length, 'Recording resumed.');
    await listen(41_000);
    expect(timer()).toBe('01:01 / 03:00');
    expect(heard).toEqual(['Recording resumed.', '1 minute recorded']);
    expect(api.calls).toEqual(['check', 'start:screen+camera:n1', 'pause', 'resume']);
    expect(recorders.instances[0].log).toEqual(['start', 'pause', 'resume']);
  });

  it('warns at the warning time and stops by itself at the cap, keeping the clip', async () => {
    const api = new FakeClipApi(clipView({ maxSeconds: 120, warnAtSeconds: 90 }));
    setup({ api });
    await recordNow();
    await advance(89_000);
    expect(screen.queryByTestId('clip-warning')).toBeNull();
    await advance(1000);
    expect(said()).toBe('30 seconds left');
    expect(screen.getByTestId('clip-warning').textContent).toBe('30 seconds left');
    await advance(30_000);
    expect(api.calls).toEqual(['check', 'start:screen+camera:n1', 'stop']);
    expect(phase()).toBe('stopped');
    expect(screen.getByTestId('clip-stop-note').textContent).toBe('Recording stopped at the 2-minute limit. Your clip was kept.');
  });

  it('when the server ends the take at its cap, says so from the clip the server reports', async () => {
    const { api, client, screens } = setup();
    await recordNow();
    api.view = { ...api.view, status: 'stopped', stopCause: 'cap', recordedSeconds: 180 };
    await act(async () => client.rooms[0].end('ended'));
    await settle();
    expect(api.calls.at(-1)).toBe('check');
    expect(phase()).toBe('stopped');
    expect(screen.getByTestId('clip-stop-note').textContent).toBe('Recording stopped at the 3-minute limit. Your clip was kept.');
    expect(said()).toMatch(/^Recording stopped at the 3-minute limit\. Your clip was kept\./);
    expect(screen.getByTestId('clip-length').textContent).toBe('Length: 03:00');
    expect(screens[0].readyState).toBe('ended');
  });

  it('a lost connection stops the take on the server so what was recorded is kept', async () => {
    const { api, client } = setup();
    await recordNow();
    await act(async () => client.rooms[0].end('network'));
    await settle();
    expect(api.calls.at(-1)).toBe('stop');
    expect(screen.getByTestId('clip-stop-note').textContent).toMatch(/connection to the server was lost/);
  });

  it('retake throws the take away on the server and counts down again with the same screen and devices', async () => {
    const { api, client, pickScreen, recorders } = setup();
    await recordNow();
    await advance(10_000);
    fireEvent.click(screen.getByTestId('clip-retake'));
    await settle();
    expect(api.calls).toEqual(['check', 'start:screen+camera:n1', 'retake']);
    expect(client.rooms[0].disconnectCalls).toBe(1);
    expect(recorders.instances[0].state).toBe('inactive');
    expect(phase()).toBe('countdown');
    await advance(3000);
    expect(api.calls.at(-1)).toBe('start:screen+camera:n1');
    expect(client.connects[1].access.roomName).toBe('clip-clip-1-2');
    expect(client.rooms[1].localParticipant.calls).toEqual(['screen:start:screen-1']);
    expect(client.connects[1].local.video?.id).toBe(client.connects[0].local.video?.id);
    expect(pickScreen).toHaveBeenCalledTimes(1);
    expect(timer()).toBe('00:00 / 03:00');
  });

  it('stop, preview with the camera in a corner, then send', async () => {
    const { api, client, screens, onSent } = setup();
    await recordNow();
    await advance(5000);
    fireEvent.click(screen.getByTestId('clip-stop'));
    await settle();
    expect(api.calls.at(-1)).toBe('stop');
    expect(client.rooms[0].disconnectCalls).toBe(1);
    expect(screens[0].readyState).toBe('ended');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Preview your clip' }));
    expect(screen.queryByTestId('clip-stop-note')).toBeNull();
    expect(screen.getByTestId('clip-preview-main').getAttribute('src')).toBe('blob:preview-1');
    expect(screen.getByTestId('clip-preview-pip').getAttribute('src')).toBe('blob:preview-2');
    expect(screen.getByTestId('clip-preview-pip').closest('.vx-clip__pip')).toBeTruthy();
    expect(screen.getByTestId('clip-length').textContent).toBe('Length: 00:42');
    // The preview's own length, by the recorder's clock (the recording itself carries none).
    expect(screen.getByTestId('clip-preview-time').textContent).toBe('Played 00:00 / 00:05');

    fireEvent.click(screen.getByTestId('clip-send'));
    await settle();
    expect(api.calls.at(-1)).toBe('send');
    expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ status: 'sent' }));
    expect(phase()).toBe('sent');
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:preview-1');
  });

  it('without MediaRecorder says the preview is not available, and Discard goes back to the start', async () => {
    const { api } = setup({ MediaRecorder: null });
    await recordNow();
    fireEvent.click(screen.getByTestId('clip-stop'));
    await settle();
    expect(screen.getByTestId('clip-no-preview').textContent).toBe("A preview isn't available in this browser. You can still send your clip or discard it.");
    fireEvent.click(screen.getByTestId('clip-discard'));
    await settle();
    expect(api.calls.at(-1)).toBe('discard');
    expect(phase()).toBe('setup');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    expect(said()).toBe('Your recording was discarded.');
  });

  it("ending the screen share from the browser's own button stops the take", async () => {
    const { api, screens } = setup();
    await recordNow();
    await act(async () => screens[0].endFromBrowser());
    await settle();
    expect(api.calls.at(-1)).toBe('stop');
    expect(screen.getByTestId('clip-stop-note').textContent).toBe('Recording stopped because screen sharing ended. Your clip was kept.');
  });

  it('a Stop that lost the race with the cap looks again and shows the stopped clip', async () => {
    const api = new FakeClipApi();
    setup({ api });
    await recordNow();
    api.failures.stop = new ApiError('clip_stopped', 'The clip is stopped: it cannot stop now.', 409);
    api.view = { ...api.view, status: 'stopped', stopCause: 'cap' };
    fireEvent.click(screen.getByTestId('clip-stop'));
    await settle();
    expect(api.calls.slice(-2)).toEqual(['stop', 'check']);
    expect(screen.getByTestId('clip-stop-note').textContent).toMatch(/3-minute limit/);
  });

  it('a take that cannot start says why, throws the empty take away, and goes back to the start', async () => {
    const api = new FakeClipApi();
    const client = new FakeVideoClient();
    client.failWith = new Error('The media server did not answer.');
    const { screens } = setup({ api, connect: clipConnector(() => client) });
    await recordNow().catch(() => undefined);
    expect(phase()).toBe('setup');
    expect(screen.getByRole('alert').textContent).toMatch(/Connecting to the recording server did not work\. The media server did not answer\./);
    expect(api.calls).toEqual(['check', 'start:screen+camera:n1', 'retake']);
    expect(screens[0].readyState).toBe('ended');
  });

  it('a Pause that lost the race with the cap looks again and shows the stopped clip', async () => {
    const api = new FakeClipApi();
    const { client } = setup({ api });
    await recordNow();
    api.failures.pause = new ApiError('clip_changed', 'The clip changed meanwhile.', 409);
    api.view = { ...api.view, status: 'stopped', stopCause: 'cap' };
    fireEvent.click(screen.getByTestId('clip-pause'));
    await settle();
    expect(api.calls.slice(-2)).toEqual(['pause', 'check']);
    expect(phase()).toBe('stopped');
    expect(client.rooms[0].disconnectCalls).toBe(1);
    expect(screen.getByTestId('clip-stop-note').textContent).toMatch(/3-minute limit/);
  });

  it('a failed pause keeps recording and says so in an alert', async () => {
    const api = new FakeClipApi();
    setup({ api });
    await recordNow();
    api.failures.pause = new ApiError('network', 'Could not reach the server.', 0);
    fireEvent.click(screen.getByTestId('clip-pause'));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Pausing did not work: Could not reach the server.');
    expect(phase()).toBe('recording');
  });

  it('leaving the page mid-take releases the room, the recorders and the screen', async () => {
    const { client, screens, recorders, unmount } = setup();
    await recordNow();
    unmount();
    expect(client.rooms[0].disconnectCalls).toBe(1);
    expect(screens[0].readyState).toBe('ended');
    expect(recorders.instances.every((r) => r.state === 'inactive')).toBe(true);
  });

  it('a closed tab leaves the room at once and does not stop the take: the server sends what was recorded', async () => {
    const { api, client } = setup();
    await recordNow();
    const before = api.calls.length;
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await settle();
    expect(client.rooms[0].disconnectCalls).toBe(1);
    expect(client.rooms[0].state).toBe('disconnected');
    expect(api.calls.slice(before)).toEqual([]);
  });
});

describe('ClipRecorder reopened', () => {
  it('a take left open by a closed tab is stopped and offered for sending', async () => {
    const api = new FakeClipApi(clipView({ status: 'recording', take: 1 }));
    setup({ api });
    await settle();
    expect(api.calls).toEqual(['check', 'stop']);
    expect(phase()).toBe('stopped');
    expect(screen.getByTestId('clip-stop-note').textContent).toMatch(/interrupted/);
    expect(screen.getByTestId('clip-no-preview').textContent).toMatch(/page was reloaded/);
  });
});
