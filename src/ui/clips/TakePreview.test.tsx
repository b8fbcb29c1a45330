import '../test-support/media-env';
import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { TakePreview } from './TakePreview';

beforeEach(() => {
  let n = 0;
  URL.createObjectURL = jest.fn(() => `blob:${++n}`);
  URL.revokeObjectURL = jest.fn();
});

describe('TakePreview', () => {
  it('plays the camera in its corner in step with the screen: play, pause and seek follow the main video', () => {
    render(<TakePreview take={{ main: new Blob(['screen']), pip: new Blob(['camera']) }} />);
    const main = screen.getByTestId('clip-preview-main') as HTMLVideoElement;
    const pip = screen.getByTestId('clip-preview-pip') as HTMLVideoElement;
    expect(main.controls).toBe(true);
    expect(pip.muted).toBe(true);
    expect(pip.getAttribute('aria-hidden')).toBe('true');
    const play = jest.spyOn(pip, 'play');
    const pause = jest.spyOn(pip, 'pause');

    main.currentTime = 12;
    fireEvent(main, new Event('play'));
    expect(play).toHaveBeenCalledTimes(1);
    expect(pip.currentTime).toBe(12);
    fireEvent(main, new Event('pause'));
    expect(pause).toHaveBeenCalledTimes(1);
    main.currentTime = 3;
    fireEvent(main, new Event('seeked'));
    expect(pip.currentTime).toBe(3);
  });

  it('a camera-only take has no corner video', () => {
    render(<TakePreview take={{ main: new Blob(['camera']) }} />);
    expect(screen.getByTestId('clip-preview-main').getAttribute('src')).toBe('blob:1');
    expect(screen.queryByTestId('clip-preview-pip')).toBeNull();
  });

  it('knows its length though the recording does not say it: the browser is made to read it, the recorder’s clock until then', () => {
    render(<TakePreview take={{ main: new Blob(['camera']) }} recordedSeconds={42.4} />);
    const main = screen.getByTestId('clip-preview-main') as HTMLVideoElement;
    const time = screen.getByTestId('clip-preview-time');
    let duration = Infinity; // MediaRecorder's WebM
    Object.defineProperty(main, 'duration', { configurable: true, get: () => duration });
    fireEvent(main, new Event('loadedmetadata'));
    expect(time.textContent).toBe('Played 00:00 / 00:42');
    // Seeks far past the end so the browser reads the whole file, then back to the start.
    expect(main.currentTime).toBeGreaterThan(1e9);
    fireEvent(main, new Event('timeupdate'));
    expect(time.textContent).toBe('Played 00:00 / 00:42');
    duration = 41.8;
    fireEvent(main, new Event('durationchange'));
    fireEvent(main, new Event('seeked'));
    expect(main.currentTime).toBe(0);
    expect(time.textContent).toBe('Played 00:00 / 00:41');
    main.currentTime = 12.6;
    fireEvent(main, new Event('timeupdate'));
    expect(time.textContent).toBe('Played 00:12 / 00:41');
  });

  it('a file that never learns its length still shows the recorder’s, and the seek happens once only', () => {
    render(<TakePreview take={{ main: new Blob(['camera']) }} recordedSeconds={65} />);
    const main = screen.getByTestId('clip-preview-main') as HTMLVideoElement;
    Object.defineProperty(main, 'duration', { configurable: true, get: () => Infinity });
    fireEvent(main, new Event('loadedmetadata'));
    fireEvent(main, new Event('seeked'));
    expect(main.currentTime).toBe(0);
    fireEvent(main, new Event('durationchange'));
    expect(main.currentTime).toBe(0);
    main.currentTime = 3;
    fireEvent(main, new Event('timeupdate'));
    expect(screen.getByTestId('clip-preview-time').textContent).toBe('Played 00:03 / 01:05');
  });
});
