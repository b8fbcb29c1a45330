import '../test-support/media-env';
import { render, screen } from '@testing-library/react';
import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { RecordingCard } from './RecordingCard';

const clipMessage = (attributes: Record<string, unknown>): ConversationMessage => ({
  id: 'IM1',
  conversationId: 'CH1',
  author: 'Alex',
  body: 'Alex replied with a video · 0:42',
  attributes: {
    type: 'video-recording',
    kind: 'clip',
    authorRole: 'agent',
    authorName: 'Alex',
    recordingId: 'REC1',
    mediaUrl: '/media/r.mp4',
    captionsUrl: '/media/r.vtt',
    durationSeconds: 42,
    transcriptStatus: 'ready',
    transcript: { segments: [{ speaker: 'Agent', role: 'agent', start: 0, end: 2, text: 'open the settings' }] },
    ...attributes,
  },
  createdAt: '2026-01-01T10:00:00Z',
});

describe('RecordingCard and a clip’s description', () => {
  it('shows the sender’s description under the player, labelled, and the video is described by it', () => {
    render(<RecordingCard message={clipMessage({ description: 'Shows where the update button is.', descriptionSource: 'sender' })} viewer="customer" />);
    const description = screen.getByTestId('clip-description');
    expect(description.textContent).toBe('Description: Shows where the update button is.');
    expect(description.getAttribute('data-source')).toBe('sender');
    const video = screen.getByTestId('recording-video');
    expect(video.getAttribute('aria-describedby')).toBe(description.id);
    expect(description.id).not.toBe('');
    // Under the player: after it in the card's reading order.
    expect(screen.getByTestId('recording-player').compareDocumentPosition(description) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says when the description is key sentences drawn from the transcript', () => {
    render(<RecordingCard message={clipMessage({ description: 'Open the settings.', descriptionSource: 'transcript' })} viewer="agent" />);
    expect(screen.getByTestId('clip-description').textContent).toBe('Description (key sentences from the transcript): Open the settings.');
  });

  it('shows no description and describes the video by nothing when the message carries none', () => {
    render(<RecordingCard message={clipMessage({})} viewer="agent" />);
    expect(screen.queryByTestId('clip-description')).toBeNull();
    expect(screen.getByTestId('recording-video').hasAttribute('aria-describedby')).toBe(false);
  });

  it('gives two cards in one thread their own description ids', () => {
    render(
      <>
        <RecordingCard message={clipMessage({ description: 'First.' })} viewer="agent" />
        <RecordingCard message={clipMessage({ description: 'Second.' })} viewer="agent" />
      </>,
    );
    const [a, b] = screen.getAllByTestId('clip-description');
    expect(a.id).not.toBe(b.id);
    const videos = screen.getAllByTestId('recording-video');
    expect(videos.map((v) => v.getAttribute('aria-describedby'))).toEqual([a.id, b.id]);
  });

  it('shows the sender’s description while the clip is still processing, and with the transcript alone under that policy', () => {
    const { unmount } = render(<RecordingCard message={clipMessage({ videoStatus: 'processing', description: 'Shows the button.' })} viewer="customer" />);
    expect(screen.getByTestId('clip-description').textContent).toBe('Description: Shows the button.');
    unmount();
    render(
      <RecordingCard
        message={clipMessage({ authorRole: 'customer', customerAccess: 'transcript', description: 'My screen freezes.', descriptionSource: 'sender' })}
        viewer="customer"
      />,
    );
    expect(screen.getByTestId('recording-card').getAttribute('data-access')).toBe('transcript');
    expect(screen.getByTestId('clip-description').textContent).toBe('Description: My screen freezes.');
  });
});
