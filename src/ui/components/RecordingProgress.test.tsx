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
    expect((screen.getByLabelText('Recording processing progress') as HTMLProgressElement).value).toBe(2);
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
