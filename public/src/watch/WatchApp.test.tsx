import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import type { WatchRecording } from '../../../src/api/watch-contract';
import { ApiError, type WatchApi } from '../../../src/ui/api/watch-api';
import type { BrowserHistory } from '../join/BackToChat';
import { transcriptFile, transcriptFileName } from './transcript-file';
import { WatchApp } from './WatchApp';

async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

const history: BrowserHistory = { canGoBack: () => true, back: jest.fn(), close: () => false };
const segments = [
  { speaker: 'Agent', role: 'agent', start: 0.5, end: 2, text: 'hello how can i help' },
  { speaker: 'Customer', role: 'customer', start: 3, end: 5, text: 'the router lights blink' },
];
const recording = (over: Partial<WatchRecording> = {}): WatchRecording => ({
  recordingId: 'RE1',
  kind: 'call',
  title: 'Video call recording',
  durationSeconds: 42,
  recordedAt: '2026-11-21T10:05:00.000Z',
  expiresAt: '2026-12-21T10:05:00.000Z',
  access: 'video',
  video: { state: 'ready', url: 'https://media.example/v.mp4' },
  transcript: { state: 'ready', segments, captions: 'WEBVTT\n' },
  ...over,
});

function fakeApi(opened: WatchRecording | ApiError) {
  return {
    open: jest.fn(async () => {
      if (opened instanceof ApiError) throw opened;
      return opened;
    }),
    video: jest.fn(async () => ({ url: 'https://media.example/fresh.mp4' })),
    view: jest.fn(async () => ({ recorded: true })),
  } satisfies WatchApi;
}

beforeAll(() => {
  let n = 0;
  URL.createObjectURL = jest.fn(() => `blob:test/${++n}`);
  URL.revokeObjectURL = jest.fn();
});

describe('WatchApp', () => {
  it('plays the recording with captions, seeks from a transcript line, and offers the transcript as a file', async () => {
    const api = fakeApi(recording());
    render(<WatchApp api={api} history={history} />);
    await settle();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Video call recording');
    const video = screen.getByTestId('recording-video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe('https://media.example/v.mp4');
    const track = video.querySelector('track') as HTMLTrackElement;
    expect([track.getAttribute('kind'), track.getAttribute('src'), track.hasAttribute('default')]).toEqual(['captions', expect.stringMatching(/^blob:/), true]);
    const lines = screen.getAllByTestId('transcript-line');
    expect(lines.map((l) => l.tagName)).toEqual(['BUTTON', 'BUTTON']);
    fireEvent.click(lines[1]);
    expect(video.currentTime).toBe(3);
    const download = screen.getByTestId('download-transcript') as HTMLAnchorElement;
    expect(download.getAttribute('download')).toBe('video-call-recording-transcript-2026-11-21.txt');
    expect(download.getAttribute('href')).toMatch(/^blob:/);
  });

  it('reports the viewing to the Function, and asks for a fresh URL when the video would not load', async () => {
    const api = fakeApi(recording());
    render(<WatchApp api={api} history={history} />);
    await settle();
    const video = screen.getByTestId('recording-video') as HTMLVideoElement;
    fireEvent.play(video);
    await settle();
    expect(api.view).toHaveBeenCalledWith({ event: 'opened', positionSeconds: 0 });
    fireEvent.error(video);
    await settle();
    expect(api.video).toHaveBeenCalledTimes(1);
    expect((screen.getByTestId('recording-video') as HTMLVideoElement).getAttribute('src')).toBe('https://media.example/fresh.mp4');
  });

  it('says why the video is gone after retention and still shows the transcript', async () => {
    const message = 'Video deleted under the retention policy; transcript kept.';
    render(<WatchApp api={fakeApi(recording({ video: { state: 'deleted', message } }))} history={history} />);
    await settle();
    expect(screen.queryByTestId('recording-video')).toBeNull();
    expect(screen.getByTestId('video-note').textContent).toBe(message);
    expect(screen.getAllByTestId('transcript-line').map((l) => l.textContent)).toEqual(['0:00 Agent hello how can i help', '0:03 Customer the router lights blink']);
  });

  it('a video that went while the page was open turns into the reason', async () => {
    const api = fakeApi(recording());
    api.video.mockRejectedValueOnce(new ApiError('media_deleted', 'Video deleted under the retention policy; transcript kept.', 410));
    render(<WatchApp api={api} history={history} />);
    await settle();
    fireEvent.error(screen.getByTestId('recording-video'));
    await settle();
    expect(screen.queryByTestId('recording-video')).toBeNull();
    expect(screen.getByTestId('video-note').textContent).toBe('Video deleted under the retention policy; transcript kept.');
  });

  it.each([
    ['link_expired', 401, 'This link has expired'],
    ['link_invalid', 401, 'This link is not valid'],
    ['link_revoked', 410, 'This link was replaced'],
    ['recording_erased', 410, 'This recording was removed'],
    ['not_allowed', 403, 'This recording is not shared'],
  ])('a refused link (%s) gets a page that says what happened and how to get back', async (code, status, title) => {
    render(<WatchApp api={fakeApi(new ApiError(code, 'refused', status))} history={history} />);
    await settle();
    expect(screen.getByTestId('error-title').textContent).toBe(title);
    expect(document.activeElement).toBe(screen.getByTestId('error-title'));
    expect(screen.getByTestId('back-to-chat')).toBeTruthy();
  });

  it('without a link in the address says the link is incomplete', async () => {
    render(<WatchApp api={null} history={history} />);
    await settle();
    expect(screen.getByTestId('error-title').textContent).toBe('This link is incomplete');
  });
});

describe('the transcript file', () => {
  it('reads as plain lines, and is named after the recording and its date', () => {
    expect(transcriptFile('Alex replied with a video', '2026-11-21T10:05:00.000Z', segments)).toBe(
      'Alex replied with a video (2026-11-21)\n\n0:00 Agent: hello how can i help\n0:03 Customer: the router lights blink\n',
    );
    expect(transcriptFileName('Alex replied with a video', '2026-11-21T10:05:00.000Z')).toBe('alex-replied-with-a-video-transcript-2026-11-21.txt');
  });
});
