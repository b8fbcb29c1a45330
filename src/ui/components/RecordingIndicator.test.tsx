import { render, screen } from '@testing-library/react';
import React from 'react';
import { RecordingIndicator } from './RecordingIndicator';

describe('RecordingIndicator', () => {
  it('says the call is being recorded, as a status screen readers announce', () => {
    render(<RecordingIndicator recording />);
    expect(screen.getByRole('status').textContent).toBe('Recording');
  });

  it('shows nothing when the call is not recorded', () => {
    const { container } = render(<RecordingIndicator recording={false} />);
    expect(container.innerHTML).toBe('');
  });
});
