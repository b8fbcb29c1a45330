import type { ClipRef } from '../../../domain/clip';
import { CLIP_DESCRIPTION_MAX } from '../../../domain/clip-annotations';
import type { PipelineJob } from '../../../domain/pipeline-job';
import {
  BODY_DESCRIPTION_CHARS,
  DESCRIPTION_ATTRIBUTE_BYTES,
  processingClipMessage,
  recordingMessage,
  transcriptDeletedMessage,
  transcriptExcerpt,
  withDescriptionLine,
} from './recording-message';
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

describe('recordingMessage carries a clip’s description', () => {
  const clipRef = { clipId: 'CL1', authorRole: 'agent' as const, authorName: 'Alex', mode: 'screen' as const };
  const clipJob = (description?: string) => ({ ...job, kind: 'clip' as const, clip: { ...clipRef, description } }) as PipelineJob;
  const said = {
    engine: 'test',
    segments: ['open the router settings page and choose update firmware', 'after the router restarts the wifi stays up'].map((text, i) => ({
      speaker: 'Agent',
      participantIdentity: 'agent:a1',
      role: 'agent' as const,
      start: i * 5,
      end: i * 5 + 4,
      text,
      words: [],
    })),
  };
  const watchUrls = { ...urls, watchUrl: 'https://example.test/watch.html#t=abc' };

  it('puts the sender’s description in the attributes and as the body’s second line, before the excerpt and the watch link', () => {
    const m = recordingMessage(clipJob('Shows where the firmware update button is.'), said, 62, watchUrls);
    expect(m.attributes).toMatchObject({ description: 'Shows where the firmware update button is.', descriptionSource: 'sender' });
    const lines = m.body.split('\n');
    expect(lines[0]).toBe('Alex replied with a video · 1:02 · transcript');
    expect(lines[1]).toBe('Description: Shows where the firmware update button is.');
    expect(m.body.endsWith('Watch it here: https://example.test/watch.html#t=abc')).toBe(true);
    // The same line while the transcript is still on its way, and at Send.
    expect(recordingMessage(clipJob('Shows the button.'), 'pending', 62, watchUrls).body.split('\n')[1]).toBe('Description: Shows the button.');
    const processing = processingClipMessage({ roomName: 'clip-CL1-1', clip: { ...clipRef, description: 'Shows the button.' } as ClipRef, durationSeconds: 12, watchUrl: watchUrls.watchUrl });
    expect(processing.body.split('\n').slice(0, 2)).toEqual(['Alex replied with a video · 0:12 · processing', 'Description: Shows the button.']);
    expect(processing.attributes).toMatchObject({ description: 'Shows the button.', descriptionSource: 'sender' });
  });

  it('without one, carries key sentences of the transcript in the attributes only (the body quotes it already), and none under the policy none', () => {
    const m = recordingMessage(clipJob(), said, 62, urls);
    expect(m.attributes).toMatchObject({
      description: 'Open the router settings page and choose update firmware. After the router restarts the wifi stays up.',
      descriptionSource: 'transcript',
    });
    expect(m.body).not.toContain('Description:');
    expect(recordingMessage(clipJob(), said, 62, urls, 'none').attributes).not.toHaveProperty('description');
    expect(recordingMessage(clipJob(), 'pending', 62, urls).attributes).not.toHaveProperty('description');
    expect(recordingMessage(job, said, 62, urls).attributes).not.toHaveProperty('description');
  });

  it('stays within 4 KiB of attributes and 1,600 body characters with the longest description in wide characters and a long call', () => {
    const widest = '🎥"'.repeat(CLIP_DESCRIPTION_MAX / 2);
    const longUrl = { ...urls, watchUrl: `https://example.test/watch.html#t=${'x'.repeat(900)}` };
    for (const m of [recordingMessage(clipJob(widest), longCallTranscript(), 180, longUrl), recordingMessage(clipJob('word '.repeat(100)), longCallTranscript(), 180, longUrl)]) {
      expect(Buffer.byteLength(JSON.stringify(m.attributes))).toBeLessThanOrEqual(4096);
      expect(Buffer.byteLength(JSON.stringify(m.attributes.description))).toBeLessThanOrEqual(DESCRIPTION_ATTRIBUTE_BYTES);
      expect(m.body.length).toBeLessThanOrEqual(1600);
      expect(String(m.attributes.description).length).toBeGreaterThan(0);
    }
    const short = recordingMessage(clipJob('word '.repeat(100)), said, 180, urls);
    expect(short.body.split('\n')[1].length).toBeLessThanOrEqual('Description: '.length + BODY_DESCRIPTION_CHARS);
    expect(short.body.split('\n')[1].endsWith('…')).toBe(true);
  });

  it('leaves the description line out of a body that would not fit SMS', () => {
    expect(withDescriptionLine('x'.repeat(1590), { text: 'Shows the button.', source: 'sender' })).toBe('x'.repeat(1590));
    expect(withDescriptionLine('head\n\nrest', { text: 'Shows the button.', source: 'sender' })).toBe('head\nDescription: Shows the button.\n\nrest');
  });

  it('drops key sentences when the transcript is deleted, and keeps the sender’s own description', () => {
    const keyed = recordingMessage(clipJob(), said, 62, urls);
    expect(transcriptDeletedMessage(keyed, '2024-01-01T00:00:00Z').attributes).not.toHaveProperty('description');
    const own = recordingMessage(clipJob('Shows the button.'), said, 62, urls);
    expect(transcriptDeletedMessage(own, '2024-01-01T00:00:00Z').attributes).toMatchObject({ description: 'Shows the button.', descriptionSource: 'sender' });
  });
});
