import type { RecordingTranscript } from '../../domain/pipeline-job';
import { correctedMessage } from './corrected-message';
import { retimeWords, speakerChoices, withLineEdited } from './transcript-line-edit';

const transcript: RecordingTranscript = {
  engine: 'test',
  segments: [
    { speaker: 'Agent', role: 'agent', participantIdentity: 'alex', start: 0, end: 2, text: 'hello there', words: [] },
    { speaker: 'Customer 2', role: 'customer', participantIdentity: 'c2', start: 2, end: 4, text: 'the rooter', words: [{ word: 'the', start: 2, end: 2.5 }, { word: 'rooter', start: 2.5, end: 4 }] },
  ],
};

describe('editing one transcript line', () => {
  it('offers the transcript’s speakers, then Agent and Customer', () => {
    expect(speakerChoices(transcript)).toEqual(['Agent', 'Customer 2', 'Customer']);
  });

  it('keeps word timings for a word fixed in place, spreads them when the count changes', () => {
    expect(retimeWords(transcript.segments[1], 'the router').map((w) => [w.word, w.start, w.end])).toEqual([['the', 2, 2.5], ['router', 2.5, 4]]);
    expect(retimeWords(transcript.segments[1], 'my new router').map((w) => [w.start, w.end])).toEqual([[2, 2.667], [2.667, 3.333], [3.333, 4]]);
  });

  it('gives the line the chosen speaker’s participant, keeps its time, and refuses unknown speakers', () => {
    const edited = withLineEdited(transcript, 0, { speaker: 'Customer 2', text: 'hello there' });
    expect(edited?.segments[0]).toMatchObject({ speaker: 'Customer 2', role: 'customer', participantIdentity: 'c2', start: 0, end: 2, words: [] });
    expect(withLineEdited(transcript, 0, { speaker: 'Customer', text: 'hi' })?.segments[0]).toMatchObject({ role: 'customer', participantIdentity: '' });
    expect(withLineEdited(transcript, 0, { speaker: 'Nobody', text: 'hi' })).toBeNull();
    expect(withLineEdited(transcript, 5, { speaker: 'Agent', text: 'hi' })).toBeNull();
    // The original is untouched.
    expect(transcript.segments[0].speaker).toBe('Agent');
  });
});

describe('the recording message after a correction', () => {
  const after = withLineEdited(transcript, 1, { speaker: 'Customer 2', text: 'the router' }) as RecordingTranscript;
  const body = 'Video call recording · 0:04 · transcript\n\n[0:00] Agent: hello there\n[0:02] Customer 2: the rooter\n\nWatch it here: https://x.example/w#t=abc';

  it('quotes the new excerpt and keeps every other line and attribute', () => {
    const next = correctedMessage({ body, attributes: { transcriptStatus: 'ready', views: { customer: 1 } } }, transcript, after, '2026-01-01T00:00:00.000Z');
    expect(next?.body).toBe(body.replace('the rooter', 'the router'));
    expect(next?.attributes).toEqual({ transcriptStatus: 'ready', views: { customer: 1 }, transcriptCorrectedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('leaves a body without the excerpt (no transcript for the customer) and a message without a ready transcript alone', () => {
    expect(correctedMessage({ body: 'Video call recording · 0:04', attributes: { transcriptStatus: 'ready' } }, transcript, after, 'now')?.body).toBe('Video call recording · 0:04');
    expect(correctedMessage({ body, attributes: { transcriptStatus: 'deleted' } }, transcript, after, 'now')).toBeNull();
  });
});
