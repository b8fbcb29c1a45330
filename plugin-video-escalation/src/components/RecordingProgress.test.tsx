import { render, screen } from '@testing-library/react';
import React from 'react';
import { RecordingProgress } from './RecordingProgress';

describe('RecordingProgress', () => {
  it('shows each recording still being processed, with its step', () => {
    render(
      <RecordingProgress
        recordings={{ RE1: { recordingId: 'RE1', state: 'transcribing' }, RE2: { recordingId: 'RE2', state: 'attached' } }}
      />,
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Transcribing what was said… (step 4 of 5)');
    expect(status.textContent).not.toContain('RE2');
    expect((screen.getByLabelText('Recording processing progress') as HTMLProgressElement).value).toBe(4);
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
