import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import type { VideoSuggestion } from '../../api/support-ticket-contract';
import { VideoSuggestionBanner } from './VideoSuggestionBanner';

const suggestion: VideoSuggestion = {
  at: '2026-12-08T10:00:00Z',
  reasons: ['hard_to_explain'],
  explanation: ['The customer finds it hard to put into words.'],
  messages: { clip: 'Hi Dana, a clip please.', call: 'Hi Dana, a call?' },
};

test('shows why, offers the clip template first, and sends the edited words with the chosen medium', async () => {
  const onSend = jest.fn().mockResolvedValue(undefined);
  render(<VideoSuggestionBanner suggestion={suggestion} onSend={onSend} onDismiss={jest.fn()} />);
  expect(screen.getByText('The customer finds it hard to put into words.')).toBeTruthy();
  const box = screen.getByTestId('video-suggestion-message') as HTMLTextAreaElement;
  expect(box.value).toBe('Hi Dana, a clip please.');
  fireEvent.click(screen.getByLabelText('A live video call'));
  expect(box.value).toBe('Hi Dana, a call?');
  fireEvent.change(box, { target: { value: 'Can we talk on video?' } });
  fireEvent.click(screen.getByLabelText('A short video from the customer'));
  expect(box.value).toBe('Can we talk on video?'); // the agent's own words are kept
  fireEvent.click(screen.getByTestId('video-suggestion-send'));
  await waitFor(() => expect(onSend).toHaveBeenCalledWith('clip', 'Can we talk on video?'));
});

test('a failed send says so and leaves the suggestion usable', async () => {
  const onSend = jest.fn().mockRejectedValue(new Error('The conversation is closed.'));
  render(<VideoSuggestionBanner suggestion={suggestion} onSend={onSend} onDismiss={jest.fn()} />);
  fireEvent.click(screen.getByTestId('video-suggestion-send'));
  expect((await screen.findByRole('alert')).textContent).toBe('The conversation is closed.');
  expect((screen.getByTestId('video-suggestion-send') as HTMLButtonElement).disabled).toBe(false);
});

test('"Not now" dismisses', async () => {
  const onDismiss = jest.fn().mockResolvedValue(undefined);
  render(<VideoSuggestionBanner suggestion={suggestion} onSend={jest.fn()} onDismiss={onDismiss} />);
  fireEvent.click(screen.getByTestId('video-suggestion-dismiss'));
  await waitFor(() => expect(onDismiss).toHaveBeenCalled());
});
