import type { RecordingTranscript, SpeakerSegment, TranscribedSegment } from '../../../domain/pipeline-job';
import { mergeTranscripts } from '../../pipeline/text/transcript';
import { MUTE_PADDING_SECONDS, piiMuteSpans } from './mute-spans';
import { redactSegments } from './redact-segments';

/** Words timed one per 0.5 s from `start`, each 0.4 s long. */
function said(start: number, text: string): TranscribedSegment {
  const words = text.split(' ').map((word, i) => ({ word, start: start + i * 0.5, end: start + i * 0.5 + 0.4 }));
  return { start, end: words[words.length - 1].end, text, words };
}

const spoken = (speaker: string, s: TranscribedSegment): SpeakerSegment => ({ ...s, speaker, role: 'customer', participantIdentity: speaker });
const transcriptOf = (...segments: SpeakerSegment[]): RecordingTranscript => ({ engine: 'test', segments });
const CARD = 'four one one one one one one one one one one one one one one one';

describe('piiMuteSpans', () => {
  it('mutes from the first redacted word to the last, padded on each side', () => {
    const [seg] = redactSegments([said(10, `it is ${CARD} ok`)]).segments;
    expect(seg.words.map((w) => w.word)).toEqual(['it', 'is', '[card number]', 'ok']);
    // "four" starts at 11, the last "one" ends at 18.9.
    expect(piiMuteSpans(transcriptOf(spoken('Customer', seg)))).toEqual([{ startSeconds: 10.85, endSeconds: 19.05 }]);
    expect(MUTE_PADDING_SECONDS).toBe(0.15);
  });

  it('gives one span per finding, and none for a transcript without PII', () => {
    const [seg] = redactSegments([said(0, 'mail jo@x.io please and call 415 555 0134 today')]).segments;
    expect(seg.text).toBe('mail [email] please and call [phone number] today');
    expect(piiMuteSpans(transcriptOf(spoken('Customer', seg)))).toEqual([
      { startSeconds: 0.35, endSeconds: 1.05 },
      { startSeconds: 2.35, endSeconds: 4.05 },
    ]);
    expect(piiMuteSpans(transcriptOf(spoken('Agent', said(0, 'how can I help'))))).toEqual([]);
  });

  it('merges spans that overlap once padded, and keeps apart those that do not', () => {
    const marker = (start: number, end: number) => ({ word: '[email]', start, end });
    const seg: SpeakerSegment = { ...spoken('Customer', said(0, 'x')), text: '[email] [email] [email]', end: 9, words: [marker(1, 2), marker(2.2, 3), marker(5, 6)] };
    expect(piiMuteSpans(transcriptOf(seg))).toEqual([
      { startSeconds: 0.85, endSeconds: 3.15 },
      { startSeconds: 4.85, endSeconds: 6.15 },
    ]);
  });

  it('clamps at the start of the recording', () => {
    const seg: SpeakerSegment = { ...spoken('Customer', said(0, 'x')), text: '[ssn]', end: 1, words: [{ word: '[ssn]', start: 0.05, end: 1 }] };
    expect(piiMuteSpans(transcriptOf(seg))).toEqual([{ startSeconds: 0, endSeconds: 1.15 }]);
  });

  it('falls back to the whole segment when the engine gave no word timings', () => {
    const [seg] = redactSegments([{ start: 4, end: 7, text: 'write to jo at example dot com', words: [] }]).segments;
    expect(seg.text).toBe('write to [email]');
    expect(piiMuteSpans(transcriptOf(spoken('Customer', seg)))).toEqual([{ startSeconds: 3.85, endSeconds: 7.15 }]);
  });

  it('falls back to the whole segment when the words do not account for every marker, or lack times', () => {
    const base = spoken('Customer', said(2, 'my number is here'));
    const oneTimed = { ...base, text: '[phone number] and [email]', words: [{ word: '[phone number]', start: 2, end: 3 }] };
    expect(piiMuteSpans(transcriptOf(oneTimed))).toEqual([{ startSeconds: 1.85, endSeconds: 4.05 }]);
    const untimed = { ...base, text: '[phone number]', words: [{ word: '[phone number]', start: Number.NaN, end: 3 }] };
    expect(piiMuteSpans(transcriptOf(untimed))).toEqual([{ startSeconds: 1.85, endSeconds: 4.05 }]);
  });

  it('without word timings, a number read across two segments mutes both', () => {
    const r = redactSegments([
      { start: 0, end: 3, text: 'my card is four one one one one one one one', words: [] },
      { start: 4, end: 6, text: 'one one one one one one one one', words: [] },
    ]);
    expect(r.segments.map((s) => s.text)).toEqual(['my card is [card number]']);
    expect(piiMuteSpans(transcriptOf(spoken('Customer', r.segments[0])))).toEqual([{ startSeconds: 0, endSeconds: 6.15 }]);
  });

  it('takes every speaker, on the call timeline (each track shifted by its offset), in time order', () => {
    const agent = { participantIdentity: 'agent-1', role: 'agent' as const, startOffsetSeconds: 0 };
    const customer = { participantIdentity: 'cust-1', role: 'customer' as const, startOffsetSeconds: 20 };
    const transcript = mergeTranscripts('test', [
      { speaker: customer, segments: redactSegments([said(1, 'mine is jo@x.io')]).segments },
      { speaker: agent, segments: redactSegments([said(0, 'so that is 415 555 0134 right')]).segments },
    ]);
    expect(transcript.segments.map((s) => s.speaker)).toEqual(['Agent', 'Customer']);
    expect(piiMuteSpans(transcript)).toEqual([
      { startSeconds: 1.35, endSeconds: 3.05 },
      { startSeconds: 21.85, endSeconds: 22.55 },
    ]);
  });

  it('leaves nothing of the original words in what the spans were made from', () => {
    const r = redactSegments([said(0, `card ${CARD} thanks`)]);
    const stored = JSON.stringify(r.segments);
    expect(stored).not.toMatch(/\bfour\b|\bone\b|\d{4}/);
    expect(piiMuteSpans(transcriptOf(spoken('Customer', r.segments[0])))).toHaveLength(1);
  });
});
