import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { EscalateButton } from './EscalateButton';

describe('EscalateButton', () => {
  it('escalates the conversation and shows progress meanwhile', async () => {
    let finish: () => void = () => undefined;
    const onEscalate = jest.fn(() => new Promise<void>((r) => (finish = r)));
    render(<EscalateButton conversationId="CH1" onEscalate={onEscalate} />);
    const button = screen.getByTestId('escalate-button');
    fireEvent.click(button);
    expect(onEscalate).toHaveBeenCalledWith('CH1');
    expect(button.textContent).toBe('Starting video…');
    expect(button.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(button); // a double click must not escalate twice
    expect(onEscalate).toHaveBeenCalledTimes(1);
    finish();
    await waitFor(() => expect(button.textContent).toBe('Escalate to video'));
  });

  it('says what failed', async () => {
    render(<EscalateButton conversationId="CH1" onEscalate={() => Promise.reject(new Error('No such conversation.'))} />);
    fireEvent.click(screen.getByTestId('escalate-button'));
    await waitFor(() => expect(screen.getByTestId('escalate-error').textContent).toBe('No such conversation.'));
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('is a real button that can be disabled', () => {
    render(<EscalateButton conversationId="CH1" onEscalate={jest.fn()} disabled />);
    const button = screen.getByTestId('escalate-button') as HTMLButtonElement;
    expect(button.tagName).toBe('BUTTON');
    expect(button.disabled).toBe(true);
  });
});
