import type { PipelineJob } from '../../../domain/pipeline-job';
import { recordingMessage } from './recording-message';

const job = { recordingId: 'REC1', roomName: 'esc-1', escalationId: 'e1' } as PipelineJob;
const transcript = {
  engine: 'test',
  segments: [{ speaker: 'Customer', participantIdentity: 'customer:c1', role: 'customer' as const, start: 0, end: 1, text: 'my router is broken', words: [] }],
};
const urls = { mediaUrl: '/m.mp4', captionsUrl: '/c.vtt', transcriptUrl: '/t.json' };

describe('recordingMessage and the customer policy', () => {
  it('tells every chat client what the customer may have, and keeps the transcript out of the body when it is none', () => {
    const video = recordingMessage(job, transcript, 62, urls);
    expect(video.attributes.customerAccess).toBe('video');
    expect(video.body).toContain('my router is broken');
    expect(recordingMessage(job, transcript, 62, urls, 'transcript').body).toContain('my router is broken');
    const none = recordingMessage(job, transcript, 62, urls, 'none');
    expect(none.attributes.customerAccess).toBe('none');
    expect(none.body).toBe('Video call recording · 1:02');
  });

  it('goes out with the video before the transcript: pending, then unavailable if it is given up', () => {
    const pending = recordingMessage(job, 'pending', 62, urls);
    expect(pending.body).toBe('Video call recording · 1:02 · transcript to follow');
    expect(pending.attributes).toMatchObject({ mediaUrl: '/m.mp4', transcriptStatus: 'pending', idempotencyKey: 'esc-1' });
    expect(pending.attributes).not.toHaveProperty('captionsUrl');
    expect(recordingMessage(job, 'unavailable', 62, urls).body).toBe('Video call recording · 1:02 · the transcript could not be made');
    expect(recordingMessage(job, 'unavailable', 62, urls, 'none').body).toBe('Video call recording · 1:02');
    expect(recordingMessage(job, transcript, 62, urls).attributes).toMatchObject({ transcriptStatus: 'ready', captionsUrl: '/c.vtt' });
  });
});
