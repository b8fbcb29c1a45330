import '../test-support/media-env';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { RecordingCard } from '../cards/RecordingCard';
import { clipViewsText } from '../cards/ClipViewsBadge';
import { RecordingPlayer } from './RecordingPlayer';

const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));

/** A player whose video the test drives: play state, position and the clock. */
function renderPlayer() {
  const reports: unknown[] = [];
  let now = 1_000_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  render(<RecordingPlayer mediaUrl="/m.mp4" captionsUrl="" segments={[]} onViewEvent={(r) => void reports.push(r)} />);
  const video = screen.getByTestId('recording-video') as HTMLVideoElement;
  let paused = true;
  Object.defineProperty(video, 'paused', { configurable: true, get: () => paused });
  const at = (seconds: number, afterMs = 0) => {
    now += afterMs;
    video.currentTime = seconds;
    fireEvent.timeUpdate(video);
  };
  return {
    reports,
    video,
    at,
    play: () => {
      paused = false;
      fireEvent.play(video);
    },
    pause: () => {
      paused = true;
      fireEvent.pause(video);
    },
  };
}

afterEach(() => jest.restoreAllMocks());

describe('the player reports clip views, throttled', () => {
  it('sends opened at the first play, progress at most every 5 s while playing, and on pause and end', async () => {
    const p = renderPlayer();
    p.play();
    await flush();
    expect(p.reports).toEqual([{ event: 'opened', positionSeconds: 0 }]);
    // Four updates within 5 s: nothing more.
    p.at(1, 1000);
    p.at(2, 1000);
    p.at(3, 1000);
    p.at(4, 1000);
    await flush();
    expect(p.reports).toHaveLength(1);
    p.at(5, 1000);
    await flush();
    expect(p.reports.at(-1)).toEqual({ event: 'progress', positionSeconds: 5 });
    p.at(6, 500);
    p.pause();
    await flush();
    expect(p.reports.at(-1)).toEqual({ event: 'progress', positionSeconds: 6 });
    // Paused again with nothing new: nothing sent; a second play is not a second "opened".
    p.pause();
    p.play();
    await flush();
    expect(p.reports).toHaveLength(3);
    p.at(12, 100);
    fireEvent.ended(p.video);
    await flush();
    expect(p.reports).toEqual([
      { event: 'opened', positionSeconds: 0 },
      { event: 'progress', positionSeconds: 5 },
      { event: 'progress', positionSeconds: 6 },
      { event: 'ended', positionSeconds: 12 },
    ]);
  });

  it('played to the end is the whole clip: ended reports the full length, once, even when the last position fell short', async () => {
    const p = renderPlayer();
    Object.defineProperty(p.video, 'duration', { configurable: true, get: () => 100 });
    p.play();
    p.at(98.7, 4000);
    p.video.currentTime = 99.4;
    fireEvent.ended(p.video);
    await flush();
    expect(p.reports).toEqual([
      { event: 'opened', positionSeconds: 0 },
      { event: 'ended', positionSeconds: 100 },
    ]);
    // Watched again to the end: nothing new to say.
    p.play();
    fireEvent.ended(p.video);
    await flush();
    expect(p.reports).toHaveLength(2);
  });

  it('a seek while paused is not progress: only what was played counts', async () => {
    const p = renderPlayer();
    p.play();
    p.at(2, 100);
    p.pause();
    await flush();
    expect(p.reports.at(-1)).toEqual({ event: 'progress', positionSeconds: 2 });
    p.at(50, 10_000); // dragged forward while paused
    await flush();
    expect(p.reports).toHaveLength(2);
  });

  it('a player without a reporter sends nothing and still works', () => {
    render(<RecordingPlayer mediaUrl="/m.mp4" captionsUrl="" segments={[]} />);
    const video = screen.getByTestId('recording-video');
    expect(() => {
      fireEvent.play(video);
      fireEvent.timeUpdate(video);
      fireEvent.ended(video);
    }).not.toThrow();
  });
});

const clipMessage = (attributes: Record<string, unknown>): ConversationMessage => ({
  id: 'IM1',
  conversationId: 'CH1',
  author: 'Alex',
  body: 'Video clip from Alex · 1:40',
  createdAt: '2026-11-21T10:00:00.000Z',
  attributes: {
    type: 'video-recording',
    kind: 'clip',
    recordingId: 'RE1',
    mediaUrl: '/media/recordings/RE1/video.mp4',
    videoStatus: 'ready',
    transcriptStatus: 'pending',
    durationSeconds: 100,
    authorName: 'Alex',
    ...attributes,
  },
});

describe('the sender sees whether the customer watched their clip', () => {
  it('the agent’s own clip says how far the customer got', () => {
    const { rerender } = render(<RecordingCard message={clipMessage({ authorRole: 'agent' })} viewer="agent" />);
    expect(screen.getByTestId('clip-views').textContent).toBe('Not watched by the customer yet');
    rerender(<RecordingCard message={clipMessage({ authorRole: 'agent', views: { customer: { furthestSeconds: 42, completed: false } } })} viewer="agent" />);
    expect(screen.getByTestId('clip-views').textContent).toBe('Opened by the customer · 42 %');
    rerender(<RecordingCard message={clipMessage({ authorRole: 'agent', views: { customer: { furthestSeconds: 100, completed: true } } })} viewer="agent" />);
    expect(screen.getByTestId('clip-views').textContent).toBe('Watched by the customer · 100 %');
    expect(screen.getByTestId('clip-views').getAttribute('data-state')).toBe('watched');
  });

  it('nobody else gets the badge: the customer, and the agent on the customer’s clip', () => {
    const views = { customer: { furthestSeconds: 100, completed: true } };
    const { rerender } = render(<RecordingCard message={clipMessage({ authorRole: 'agent', views })} viewer="customer" />);
    expect(screen.queryByTestId('clip-views')).toBeNull();
    rerender(<RecordingCard message={clipMessage({ authorRole: 'customer', authorName: 'Customer' })} viewer="agent" />);
    expect(screen.queryByTestId('clip-views')).toBeNull();
  });

  it('the card hands the player’s events on with the recording id, for clips only', async () => {
    const onClipView = jest.fn();
    const { rerender } = render(<RecordingCard message={clipMessage({ authorRole: 'agent' })} viewer="customer" onClipView={onClipView} />);
    fireEvent.play(screen.getByTestId('recording-video'));
    await flush();
    expect(onClipView).toHaveBeenCalledWith('RE1', { event: 'opened', positionSeconds: 0 });
    onClipView.mockClear();
    rerender(<RecordingCard message={{ ...clipMessage({}), id: 'IM2', attributes: { ...clipMessage({}).attributes, kind: 'call' } }} viewer="agent" onClipView={onClipView} />);
    fireEvent.play(screen.getByTestId('recording-video'));
    await flush();
    expect(onClipView).not.toHaveBeenCalled();
  });

  it('says watched past 90 % even when the percent rounds below 100, and leaves the percent out without a length', () => {
    expect(clipViewsText({ customer: { furthestSeconds: 91, completed: true } }, 100)).toBe('Watched by the customer · 91 %');
    expect(clipViewsText({ customer: { furthestSeconds: 12, completed: false } }, undefined)).toBe('Opened by the customer');
  });
});
