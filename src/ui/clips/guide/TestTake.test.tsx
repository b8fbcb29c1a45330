import '../../test-support/media-env';
import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { fakeMediaStreamTrack } from '../../../client/test-support/fake-media-stream-track';
import { fakeRecorderClass } from '../../test-support/fake-media-recorder';
import { TestTake } from './TestTake';

const tracks = { audio: fakeMediaStreamTrack('audio', { id: 'mic-1' }), video: fakeMediaStreamTrack('video', { id: 'cam-1' }), missing: null };

async function settle() {
  await act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

beforeEach(() => {
  jest.useFakeTimers();
  URL.createObjectURL = jest.fn(() => 'blob:test-take');
  URL.revokeObjectURL = jest.fn();
});
afterEach(() => jest.useRealTimers());

describe('TestTake', () => {
  it('records the local camera and microphone, stops by itself at 10 s and plays back', async () => {
    const recorders = fakeRecorderClass();
    render(<TestTake tracks={tracks} Recorder={recorders.Recorder} />);
    fireEvent.click(screen.getByTestId('clip-test-start'));
    expect(recorders.instances[0].trackIds).toEqual(['cam-1', 'mic-1']);
    expect(screen.getByTestId('clip-test-level')).toBeTruthy();
    for (let s = 0; s < 9; s++) await act(async () => void jest.advanceTimersByTime(1000));
    expect(screen.getByTestId('clip-test-time').textContent).toBe('Testing: 9 of 10 seconds');
    expect(recorders.instances[0].log).toEqual(['start']);
    await act(async () => void jest.advanceTimersByTime(1000));
    await settle();
    expect(recorders.instances[0].log).toEqual(['start', 'stop']);
    expect(screen.getByTestId('clip-test-playback').getAttribute('src')).toBe('blob:test-take');
    expect(screen.getByText('Nothing was sent. This test stays on this device.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('clip-test-again'));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test-take');
    expect(screen.getByTestId('clip-test-start')).toBeTruthy();
  });

  it('can be stopped early, and a test left running ends with the setup', async () => {
    const recorders = fakeRecorderClass();
    const view = render(<TestTake tracks={tracks} Recorder={recorders.Recorder} />);
    fireEvent.click(screen.getByTestId('clip-test-start'));
    await act(async () => void jest.advanceTimersByTime(2000));
    fireEvent.click(screen.getByTestId('clip-test-stop'));
    await settle();
    expect(screen.getByTestId('clip-test-playback')).toBeTruthy();

    fireEvent.click(screen.getByTestId('clip-test-again'));
    fireEvent.click(screen.getByTestId('clip-test-start'));
    view.unmount();
    expect(recorders.instances[1].state).toBe('inactive');
  });

  it('says so where the browser cannot record, or nothing is on yet', () => {
    const { rerender } = render(<TestTake tracks={tracks} Recorder={null} />);
    fireEvent.click(screen.getByTestId('clip-test-start'));
    expect(screen.getByTestId('clip-test-unavailable').textContent).toMatch(/cannot make a test recording/);
    rerender(<TestTake tracks={null} Recorder={fakeRecorderClass().Recorder} />);
    fireEvent.click(screen.getByText('Back'));
    expect((screen.getByTestId('clip-test-start') as HTMLButtonElement).disabled).toBe(true);
  });
});
