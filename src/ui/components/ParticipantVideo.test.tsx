import { attachedTrackIds } from '../test-support/media-env';
import { render, screen } from '@testing-library/react';
import React from 'react';
import { fakeMediaStreamTrack } from '../../client/test-support/fake-media-stream-track';
import { ParticipantAudio, ParticipantVideo } from './ParticipantVideo';

describe('ParticipantVideo', () => {
  it('attaches the track, swaps it, and detaches on unmount', () => {
    const a = fakeMediaStreamTrack('video', { id: 'cam-a' });
    const b = fakeMediaStreamTrack('video', { id: 'cam-b' });
    const { rerender, unmount } = render(<ParticipantVideo track={a} label="Video of Sam" testId="v" />);
    const el = screen.getByTestId('v') as HTMLVideoElement;
    expect(attachedTrackIds(el)).toEqual(['cam-a']);
    expect(el.muted).toBe(true);
    rerender(<ParticipantVideo track={b} label="Video of Sam" testId="v" />);
    expect(attachedTrackIds(el)).toEqual(['cam-b']);
    unmount();
    expect(el.srcObject).toBeNull();
  });

  it('mirrors self views only', () => {
    render(<ParticipantVideo track={null} mirrored label="Your own video" testId="self" />);
    expect((screen.getByTestId('self') as HTMLVideoElement).style.transform).toBe('scaleX(-1)');
    expect(screen.getByLabelText('Your own video')).toBeTruthy();
  });
});

describe('ParticipantAudio', () => {
  it('plays the track on the chosen speaker where setSinkId exists', () => {
    const setSinkId = jest.fn(() => Promise.resolve());
    Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', { configurable: true, value: setSinkId });
    try {
      render(<ParticipantAudio track={fakeMediaStreamTrack('audio', { id: 'mic-1' })} sinkId="speaker-2" />);
      expect(attachedTrackIds(screen.getByTestId('remote-audio'))).toEqual(['mic-1']);
      expect(setSinkId).toHaveBeenCalledWith('speaker-2');
    } finally {
      delete (HTMLMediaElement.prototype as unknown as { setSinkId?: unknown }).setSinkId;
    }
  });
});
