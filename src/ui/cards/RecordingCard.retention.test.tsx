import '../test-support/media-env';
import { render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { mediaDeletedMessage, recordingMessage, transcriptDeletedMessage } from '../../core/pipeline/text/recording-message';
import type { ConversationMessage } from '../../domain/conversation';
import { MEDIA_DELETED_TEXT } from '../../domain/privacy';
import type { PipelineJob } from '../../domain/pipeline-job';
import { RecordingCard } from './RecordingCard';
import { fakeRecordingMedia } from '../test-support/fake-recording-media';

const job = { recordingId: 'RE1', roomName: 'esc-1', escalationId: 'e1', kind: 'call' } as PipelineJob;
const transcript = { engine: 't', segments: [{ speaker: 'Customer', role: 'customer' as const, participantIdentity: 'c', start: 1, end: 2, text: 'the router blinks', words: [] }] };
const urls = { mediaUrl: '/media/recordings/RE1/video.mp4', captionsUrl: '/c.vtt', transcriptUrl: '/t.json' };
const asMessage = (m: { body: string; attributes: Record<string, unknown> }): ConversationMessage => ({
  id: 'IM1',
  conversationId: 'CH1',
  author: 'system',
  createdAt: '2026-01-01T10:00:00Z',
  ...m,
});

describe('RecordingCard after retention', () => {
  const deleted = mediaDeletedMessage(recordingMessage(job, transcript, 75, urls), { reason: 'retention', deletedAt: '2026-04-01T00:00:00Z' });

  it.each(['agent', 'customer'] as const)('tells the %s the video was deleted, with no player, and keeps the transcript', async (viewer) => {
    const media = fakeRecordingMedia(transcript.segments);
    const { container } = render(<RecordingCard message={asMessage(deleted)} viewer={viewer} media={media} />);
    expect(screen.getByTestId('media-deleted-note').textContent).toBe(`${MEDIA_DELETED_TEXT}.`);
    expect(container.querySelector('video')).toBeNull();
    expect(screen.getByTestId('recording-card').getAttribute('data-video-status')).toBe('deleted');
    await waitFor(() => expect(screen.getByText(/the router blinks/)).toBeTruthy());
    // The transcript is read from its URL; no video is asked for.
    expect(media.opened).toEqual([{ mediaUrl: undefined, captionsUrl: '/c.vtt', transcriptUrl: '/t.json', hasTranscript: true }]);
  });

  it('shows no transcript once that is deleted too, and says so', () => {
    const both = transcriptDeletedMessage(deleted, '2027-01-01T00:00:00Z');
    const media = fakeRecordingMedia(transcript.segments);
    render(<RecordingCard message={asMessage(both)} viewer="agent" media={media} />);
    expect(media.opened).toEqual([]);
    expect(screen.queryByText(/the router blinks/)).toBeNull();
    expect(screen.getByText(/transcript was deleted under the retention policy/)).toBeTruthy();
    expect(both.body).not.toContain('router');
  });

  it('the message stays the same when the deletion is applied twice', () => {
    expect(mediaDeletedMessage(deleted, { reason: 'retention', deletedAt: '2026-05-01T00:00:00Z' }).body).toBe(deleted.body);
    expect(deleted.attributes.mediaUrl).toBeUndefined();
  });
});
