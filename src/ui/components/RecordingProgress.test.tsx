import { render, screen } from '@testing-library/react';
import React from 'react';
import { RecordingProgress } from './RecordingProgress';

describe('RecordingProgress', () => {
  it('shows each recording still being processed, with its step', () => {
    render(
      <RecordingProgress
        recordings={{
          RE1: { recordingId: 'RE1', state: 'processing', videoReady: true, speakersTranscribed: 1, speakers: 2 },
          RE2: { recordingId: 'RE2', state: 'attached' },
        }}
      />,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Composing the video and transcribing what was said (video ready, 1 of 2 speakers transcribed)… (step 2 of 3)');
    expect(status.textContent).not.toContain('RE2');
    expect((screen.getByLabelText('Call recording processing progress') as HTMLProgressElement).value).toBe(2);
  });

  it('a clip says it is a clip, counts its own two steps and never speakers', () => {
    // A one-person clip whose screen and camera runs made two audio tracks (issue #23.5).
    const clip = { recordingId: 'RE3', kind: 'clip', authorRole: 'customer', speakers: 2, speakersTranscribed: 0 };
    const { rerender } = render(<RecordingProgress recordings={{ RE3: { ...clip, state: 'processing', videoReady: false } }} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Video clip from the customer: composing the video… (step 1 of 2)');
    const bar = screen.getByLabelText('Video clip from the customer processing progress') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([1, 2]);
    rerender(<RecordingProgress recordings={{ RE3: { ...clip, state: 'processing', videoReady: true } }} />);
    expect(status.textContent).toBe('Video clip from the customer: transcribing… (step 2 of 2)');
    rerender(<RecordingProgress recordings={{ RE3: { ...clip, state: 'attaching', authorRole: 'agent' } }} />);
    expect(status.textContent).toBe('Video clip from the agent: adding the transcript… (step 2 of 2)');
    expect(status.textContent).not.toMatch(/speaker|Call recording/);
  });

  it('shows nothing when every recording is done, failed or skipped, or there are none', () => {
    const { container, rerender } = render(<RecordingProgress recordings={{ RE1: { recordingId: 'RE1', state: 'attached' } }} />);
    expect(container.innerHTML).toBe('');
    rerender(<RecordingProgress recordings={{ RE1: { recordingId: 'RE1', state: 'failed' }, RE2: { recordingId: 'RE2', state: 'skipped' } }} />);
    expect(container.innerHTML).toBe('');
    rerender(<RecordingProgress recordings={undefined} />);
    expect(container.innerHTML).toBe('');
  });
});
