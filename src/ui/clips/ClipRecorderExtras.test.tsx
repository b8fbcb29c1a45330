import '../test-support/media-env';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { clipView, FakeClipApi } from '../test-support/fake-clip-api';
import { fakeMedia } from '../test-support/fake-media';
import { fakeRecorderClass } from '../test-support/fake-media-recorder';
import { FakeVideoClient } from '../test-support/fake-room';
import { clipConnector } from './clip-connect';
import { ClipRecorder, type ClipRecorderProps, type ReviewExtrasContext } from './ClipRecorder';
import type { GuideStorage } from './guide/guide-memory';

/** The #22 additions around the recorder: the first-time guide, the quality check, and the hosts' extension points. */

async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}
async function advance(ms: number) {
  for (let left = ms; left > 0; left -= 1000) {
    await act(async () => void jest.advanceTimersByTime(Math.min(1000, left)));
    await settle();
  }
}

const noStorage: GuideStorage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

function setup(overrides: Partial<ClipRecorderProps> & { api?: FakeClipApi } = {}) {
  const api = overrides.api ?? new FakeClipApi();
  const client = new FakeVideoClient();
  render(
    <ClipRecorder
      api={api}
      connect={clipConnector(() => client)}
      canCaptureScreen
      media={fakeMedia()}
      pickScreen={async () => new MediaStream([])}
      MediaRecorder={fakeRecorderClass().Recorder}
      guideStorage={noStorage}
      {...overrides}
    />,
  );
  return api;
}

async function recordCameraFor(seconds: number) {
  await settle();
  fireEvent.click(screen.getByTestId('clip-mode-camera'));
  await settle();
  fireEvent.click(screen.getByTestId('clip-consent'));
  fireEvent.click(screen.getByTestId('clip-record'));
  await settle();
  await advance(3000); // 3-2-1
  await advance(seconds * 1000);
}

/** Web Audio that hears only silence (jsdom has none). */
class SilentAudioContext {
  state = 'running';
  createMediaStreamSource = () => ({ connect: () => undefined, disconnect: () => undefined });
  createAnalyser = () => ({ fftSize: 2048, getFloatTimeDomainData: (buffer: Float32Array) => buffer.fill(0) });
  resume = () => Promise.resolve();
  close = () => Promise.resolve();
}

beforeEach(() => {
  jest.useFakeTimers();
  URL.createObjectURL = jest.fn(() => 'blob:preview');
  URL.revokeObjectURL = jest.fn();
});
afterEach(() => {
  jest.useRealTimers();
  delete (window as { AudioContext?: unknown }).AudioContext;
});

describe('the first-time guide in the recorder', () => {
  it('shows above a customer’s setup, which stays usable, with the 10-second test', async () => {
    setup();
    await settle();
    expect(screen.getByTestId('clip-guide').compareDocumentPosition(screen.getByTestId('clip-setup')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('clip-test-start')).toBeTruthy();
    fireEvent.click(screen.getByTestId('clip-consent'));
    expect((screen.getByTestId('clip-record') as HTMLButtonElement).disabled).toBe(false);
  });

  it('is not shown to agents by default', async () => {
    setup({ api: new FakeClipApi(clipView({ authorRole: 'agent' })) });
    await settle();
    expect(screen.getByTestId('clip-setup')).toBeTruthy();
    expect(screen.queryByTestId('clip-guide')).toBeNull();
  });
});

describe('the quality check before Send', () => {
  it('warns of a silent take in plain words, announces it, and Send still sends', async () => {
    (window as { AudioContext?: unknown }).AudioContext = SilentAudioContext;
    const api = setup();
    await recordCameraFor(4);
    fireEvent.click(screen.getByTestId('clip-stop'));
    await settle();
    expect(screen.getByTestId('clip-quality-silent').textContent).toMatch(/heard almost no sound/);
    expect(screen.getByTestId('clip-announcer').textContent).toMatch(/^Before you send: We heard almost no sound/);
    fireEvent.click(screen.getByTestId('clip-send'));
    await settle();
    expect(api.calls.at(-1)).toBe('send');
  });

  it('says nothing when nothing could be measured', async () => {
    setup();
    await recordCameraFor(4);
    fireEvent.click(screen.getByTestId('clip-stop'));
    await settle();
    expect(screen.getByTestId('clip-review')).toBeTruthy();
    expect(screen.queryByTestId('clip-quality')).toBeNull();
  });
});

describe('extension points for the hosts', () => {
  it('recording extras see the recorded time; review extras the length and the preview player; Send carries the send extras', async () => {
    const api = new FakeClipApi();
    const send = jest.spyOn(api, 'send');
    const review: ReviewExtrasContext[] = [];
    setup({
      api,
      recordingExtras: ({ elapsedSeconds }) => <p data-testid="checklist">at {elapsedSeconds}</p>,
      reviewExtras: (ctx) => {
        review.push(ctx);
        return <p data-testid="annotations">editor</p>;
      },
      onSendExtras: () => ({ description: 'The error dialog after Save' }),
    });
    await recordCameraFor(2);
    expect(screen.getByTestId('checklist').textContent).toBe('at 2');
    fireEvent.click(screen.getByTestId('clip-stop'));
    await settle();
    expect(screen.getByTestId('annotations')).toBeTruthy();
    expect(review.at(-1)).toEqual({ durationSeconds: 42, previewVideo: screen.getByTestId('clip-preview-main') });
    fireEvent.click(screen.getByTestId('clip-send'));
    await settle();
    expect(send).toHaveBeenCalledWith({ description: 'The error dialog after Save' });
    expect(api.calls.at(-1)).toBe('send');
  });
});
