import type { PipelineJob } from '../../../domain/pipeline-job';
import { recordingMessage, transcriptExcerpt } from './recording-message';
import { longCallTranscript } from '../../test-support/long-call-transcript';

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

describe('recordingMessage fits Twilio Conversations', () => {
  // A 30-minute call, three speakers talking in turn: 600 utterances of 15 words.
  const long = longCallTranscript();

  it('keeps its attributes small however long the call (4 KiB per message) and its body within SMS (1,600 characters)', () => {
    const clip = { ...job, kind: 'clip' as const, clip: { clipId: 'CL1', authorRole: 'customer' as const, authorName: 'Jordan Lee', mode: 'screen+camera' as const } } as PipelineJob;
    for (const m of [recordingMessage(job, long, 1800, urls), recordingMessage(clip, long, 180, urls)]) {
      expect(Buffer.byteLength(JSON.stringify(m.attributes))).toBeLessThan(1024);
      expect(m.attributes).not.toHaveProperty('transcript');
      expect(m.attributes).toMatchObject({ transcriptUrl: '/t.json', captionsUrl: '/c.vtt', transcriptStatus: 'ready' });
      expect(m.body.length).toBeLessThanOrEqual(1600);
      // One line that says what arrived, then the opening words, cut at a word.
      expect(m.body.split('\n')[0]).toMatch(/ · 30:00 · transcript$| · 3:00 · transcript$/);
      expect(m.body).toMatch(/\[0:00\] Agent: the router keeps/);
      expect(m.body.endsWith('…')).toBe(true);
    }
  });

  it('quotes a short transcript whole', () => {
    expect(transcriptExcerpt(transcript)).toBe('[0:00] Customer: my router is broken');
  });
});
