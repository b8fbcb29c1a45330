import '../../../src/ui/test-support/media-env';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { fakeMediaStreamTrack } from '../../../src/client/test-support/fake-media-stream-track';
import { ApiError } from '../../../src/ui/api/clip-api';
import { clipConnector } from '../../../src/ui/clips/clip-connect';
import { clipView, FakeClipApi } from '../../../src/ui/test-support/fake-clip-api';
import { fakeMedia } from '../../../src/ui/test-support/fake-media';
import { FakeVideoClient } from '../../../src/ui/test-support/fake-room';
import type { BrowserHistory } from '../join/BackToChat';
import { RecordApp } from './RecordApp';

async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

/** 3-2-1, a second at a time so React re-arms the next timer in between. */
async function countdown() {
  for (let i = 0; i < 3; i++) {
    await act(async () => void jest.advanceTimersByTime(1000));
    await settle();
  }
}

const history: BrowserHistory = { canGoBack: () => true, back: jest.fn(), close: () => false };

function setup(api: FakeClipApi | null) {
  const client = new FakeVideoClient();
  render(
    <RecordApp
      api={api}
      connect={clipConnector(() => client)}
      history={history}
      recorder={{
        media: fakeMedia(),
        canCaptureScreen: true,
        MediaRecorder: null,
        pickScreen: async () => new MediaStream([fakeMediaStreamTrack('video', { id: 'screen' })]),
      }}
    />,
  );
  return client;
}

afterEach(() => jest.useRealTimers());

describe('RecordApp', () => {
  it.each([
    ['link_expired', 401, 'This recording link has expired'],
    ['link_invalid', 401, 'This recording link is not valid'], // also a link for another conversation
    ['link_revoked', 410, 'This recording link was replaced'],
    ['clip_sent', 410, 'This video was already sent'],
  ])('a refused link (%s) gets a page that says to ask for a new recording link', async (code, status, title) => {
    const api = new FakeClipApi();
    api.failures.check = new ApiError(code, 'refused', status);
    setup(api);
    await settle();
    expect(screen.getByTestId('error-title').textContent).toBe(title);
    expect(document.activeElement).toBe(screen.getByTestId('error-title'));
    expect(screen.getByText(/ask the agent in your chat for a new recording link/i)).toBeTruthy();
    expect(screen.queryByTestId('clip-recorder')).toBeNull();
    expect(screen.queryByTestId('retry-button')).toBeNull();
  });

  it('a page opened without a link says so', async () => {
    setup(null);
    await settle();
    expect(screen.getByTestId('error-title').textContent).toBe('This link is incomplete');
  });

  it('an unreachable server offers Try again, which checks again', async () => {
    const api = new FakeClipApi();
    api.failures.check = new ApiError('network', 'Could not reach the server.', 0);
    setup(api);
    await settle();
    fireEvent.click(screen.getByTestId('retry-button'));
    await settle();
    expect(api.calls).toEqual(['check', 'check']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Record a video for Alex');
  });

  it('checks the link once, records, and after Send says the clip went to the agent', async () => {
    jest.useFakeTimers();
    const api = new FakeClipApi(clipView({ agentName: 'Sam' }));
    setup(api);
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Record a video for Sam');
    expect(screen.getByText(/for up to 3 minutes/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('clip-consent'));
    fireEvent.click(screen.getByTestId('clip-record'));
    await settle();
    await countdown();
    fireEvent.click(screen.getByTestId('clip-stop'));
    await settle();
    fireEvent.click(screen.getByTestId('clip-send'));
    await settle();
    expect(api.calls).toEqual(['check', 'start:screen+camera:n1', 'stop', 'send']);
    expect(screen.getByTestId('clip-sent-page').textContent).toMatch(/^Your clip was sent to Sam\.You can close this page\./);
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('a link that stops working mid-way (the recorder is refused) turns into the problem page', async () => {
    jest.useFakeTimers();
    const api = new FakeClipApi();
    setup(api);
    await settle();
    api.failures.start = new ApiError('link_revoked', 'replaced', 410);
    fireEvent.click(screen.getByTestId('clip-consent'));
    fireEvent.click(screen.getByLabelText('Camera only'));
    await settle();
    fireEvent.click(screen.getByTestId('clip-record'));
    await settle();
    await countdown();
    expect(screen.getByTestId('error-title').textContent).toBe('This recording link was replaced');
  });

  it('offers "Prefer to type?" and "Prefer a call?" before recording, not while a take is open', async () => {
    jest.useFakeTimers();
    const api = new FakeClipApi();
    const prefer = jest.fn(async () => undefined);
    render(
      <RecordApp
        api={api}
        connect={clipConnector(() => new FakeVideoClient())}
        history={history}
        prefer={prefer}
        recorder={{ media: fakeMedia(), canCaptureScreen: false, MediaRecorder: null }}
      />,
    );
    await settle();
    fireEvent.click(screen.getByTestId('clip-prefer-call'));
    await settle();
    expect(prefer).toHaveBeenCalledWith('call');
    expect(screen.getByTestId('clip-setup')).toBeTruthy(); // the link still records
    fireEvent.click(screen.getByTestId('clip-consent'));
    fireEvent.click(screen.getByTestId('clip-record'));
    await settle();
    await countdown();
    expect(screen.getByTestId('clip-recording')).toBeTruthy();
    expect(screen.queryByTestId('clip-other-ways')).toBeNull();
  });

  it('without a way to tell the agent, offers neither', async () => {
    setup(new FakeClipApi());
    await settle();
    expect(screen.getByTestId('clip-setup')).toBeTruthy();
    expect(screen.queryByTestId('clip-prefer-type')).toBeNull();
  });
});
