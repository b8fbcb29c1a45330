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
});
