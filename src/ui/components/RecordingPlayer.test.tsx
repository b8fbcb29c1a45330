import '../test-support/media-env';
import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { clock, currentSegment, RecordingPlayer } from './RecordingPlayer';

const segments = [
  { speaker: 'Alex', role: 'agent', start: 0, end: 4.2, text: 'Hello, how can I help?' },
  { speaker: 'Customer', role: 'customer', start: 65, end: 70, text: 'My router blinks red.' },
];

describe('RecordingPlayer', () => {
  it('plays the media with default English captions', () => {
    const { container } = render(<RecordingPlayer mediaUrl="/media/r1.mp4" captionsUrl="/media/r1.vtt" segments={segments} />);
    const video = screen.getByTestId('recording-video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe('/media/r1.mp4');
    expect(video.controls).toBe(true);
    const track = container.querySelector('track')!;
    expect(track.getAttribute('kind')).toBe('captions');
    expect(track.getAttribute('srclang')).toBe('en');
    expect(track.getAttribute('src')).toBe('/media/r1.vtt');
    expect(track.hasAttribute('default')).toBe(true);
  });

  it('lists speaker-labelled lines; clicking one seeks; the current line is marked', () => {
    render(<RecordingPlayer mediaUrl="/m.mp4" captionsUrl="/m.vtt" segments={segments} />);
    const lines = screen.getAllByTestId('transcript-line');
    expect(lines[1].textContent).toBe('1:05 Customer My router blinks red.');
    expect(lines[0].getAttribute('aria-current')).toBe('true');
    fireEvent.click(lines[1]);
    expect((screen.getByTestId('recording-video') as HTMLVideoElement).currentTime).toBe(65);
    expect(lines[1].getAttribute('aria-current')).toBe('true');
    expect(lines[0].getAttribute('aria-current')).toBeNull();
  });

  it('follows playback time', () => {
    render(<RecordingPlayer mediaUrl="/m.mp4" captionsUrl="/m.vtt" segments={segments} />);
    const video = screen.getByTestId('recording-video') as HTMLVideoElement;
    video.currentTime = 10;
    fireEvent.timeUpdate(video);
    expect(screen.getAllByTestId('transcript-line').every((l) => !l.hasAttribute('aria-current'))).toBe(true);
  });

  it('formats times and finds lines', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(125.7)).toBe('2:05');
    expect(currentSegment(segments, 66)).toBe(1);
    expect(currentSegment(segments, 5)).toBe(-1);
  });
});
