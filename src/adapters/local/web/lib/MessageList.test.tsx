import '../../../../ui/test-support/media-env';
import { render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import type { ConversationMessage } from '../../../../domain/conversation';
import { MessageList } from './MessageList';
import { mergeMessages } from './useConversationFeed';

const msg = (id: string, attributes: Record<string, unknown> = {}, body = `text ${id}`, createdAt = `2024-01-01T10:00:0${id}Z`): ConversationMessage => ({
  id,
  conversationId: 'c1',
  author: 'Alex',
  body,
  attributes,
  createdAt,
});

describe('MessageList', () => {
  it('shows the agent that the link was sent, with a copy button instead of a way to join as the customer', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    render(<MessageList viewer="agent" messages={[msg('2', { type: 'video-escalation-link', url: 'http://127.0.0.1:3000/join.html#t=abc' })]} />);
    expect(screen.queryByTestId('join-link')).toBeNull();
    expect(screen.getByText('Video call link sent to the customer')).toBeTruthy();
    screen.getByTestId('copy-link-button').click();
    expect(writeText).toHaveBeenCalledWith('http://127.0.0.1:3000/join.html#t=abc');
    expect(await screen.findByText('Link copied')).toBeTruthy();
  });

  it('renders text, link cards and recordings, reading the transcript from its URL with the page cookie', async () => {
    const fetched: { url: string; credentials?: RequestCredentials }[] = [];
    const fetchStub = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      fetched.push({ url: String(url), credentials: init?.credentials });
      return { ok: true, status: 200, json: async () => ({ segments: [{ speaker: 'Alex', role: 'agent', start: 0, end: 2, text: 'Hi there' }] }) } as Response;
    });
    Object.assign(globalThis, { fetch: fetchStub });
    render(
      <MessageList
        messages={[
          msg('1'),
          msg('2', { type: 'video-escalation-link', url: 'http://127.0.0.1:3000/join.html#t=abc', recording: true }),
          msg('3', {
            type: 'video-recording',
            mediaUrl: '/media/r.mp4',
            captionsUrl: '/media/r.vtt',
            transcriptUrl: '/media/r.json',
            transcriptStatus: 'ready',
            durationSeconds: 75,
          }),
        ]}
      />,
    );
    expect(screen.getByText('text 1')).toBeTruthy();
    expect(screen.getByTestId('join-link').getAttribute('href')).toBe('http://127.0.0.1:3000/join.html#t=abc');
    expect(screen.getByText(/recorded and transcribed/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('recording-video').getAttribute('src')).toBe('/media/r.mp4'));
    expect(screen.getByText('Video call recording (1:15)')).toBeTruthy();
    expect(screen.getByTestId('transcript-line').textContent).toContain('Hi there');
    expect(fetched).toEqual([{ url: '/media/r.json', credentials: 'same-origin' }]);
  });
});

describe('mergeMessages', () => {
  it('keeps one copy per id, in time order', () => {
    const merged = mergeMessages([msg('2'), msg('1')], [msg('3'), msg('2', {}, 'edited')]);
    expect(merged.map((m) => m.id)).toEqual(['1', '2', '3']);
    expect(merged[1].body).toBe('edited');
  });
});
