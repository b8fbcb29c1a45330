import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { ConversationLabel } from './ConversationLabel';

function stubClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

afterEach(() => {
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  jest.useRealTimers();
});

describe('ConversationLabel', () => {
  it('names the customer and the id; "Copy id" is a real button that copies the id and says "Copied" in a status', async () => {
    const copied: string[] = [];
    stubClipboard(async (text) => void copied.push(text));
    render(<ConversationLabel conversationId="CH42" customerName="Jordan Lee" />);
    expect(screen.getByTestId('conversation-label').textContent).toBe('Jordan LeeConversation CH42Copy id');
    const button = screen.getByRole('button', { name: 'Copy id of the conversation with Jordan Lee' });
    // A native button: Tab reaches it, Enter and Space press it.
    expect([button.tagName, button.getAttribute('type'), button.textContent]).toEqual(['BUTTON', 'button', 'Copy id']);
    await act(async () => void fireEvent.click(button));
    expect(copied).toEqual(['CH42']);
    expect(screen.getByRole('status').textContent).toBe('Copied');
  });

  it('the confirmation goes after a moment; a refused or missing clipboard says how to copy instead', async () => {
    jest.useFakeTimers();
    stubClipboard(async () => undefined);
    render(<ConversationLabel conversationId="CH42" customerName="Jordan Lee" showName={false} />);
    expect(screen.getByTestId('conversation-label').textContent).toBe('Conversation CH42Copy id');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: /^Copy id/ })));
    expect(screen.getByRole('status').textContent).toBe('Copied');
    act(() => void jest.advanceTimersByTime(3000));
    expect(screen.getByRole('status').textContent).toBe('');
    stubClipboard(async () => Promise.reject(new Error('NotAllowedError')));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: /^Copy id/ })));
    expect(screen.getByRole('status').textContent).toBe('Could not copy: select the id and copy it');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    act(() => void jest.advanceTimersByTime(3000));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: /^Copy id/ })));
    expect(screen.getByRole('status').textContent).toBe('Could not copy: select the id and copy it');
  });
});
