import type { TranscribedSegment, TranscribedWord } from '../../../domain/pipeline-job';

/** `word start end confidence`, as printed by `pocketsphinx_continuous -time yes`. */
const WORD_LINE = /^(\S+)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)$/;

/** Silence, noise and sentence markers: `<s>`, `</s>`, `<sil>`, `[NOISE]`, `++BREATH++`. */
const isFiller = (w: string) => /^<.*>$/.test(w) || /^\[.*\]$/.test(w) || /^\+\+.*\+\+$/.test(w);

/**
 * Parses pocketsphinx 0.8 output: each utterance is a hypothesis line followed by one line per
 * word with times in seconds from the start of the file; `<s>` opens and `</s>` closes an
 * utterance. Alternate pronunciations (`to(2)`) are folded to the word.
 */
export function parsePocketsphinxOutput(stdout: string): TranscribedSegment[] {
  const segments: TranscribedSegment[] = [];
  let words: TranscribedWord[] = [];
  const flush = () => {
    if (words.length > 0) {
      segments.push({
        start: words[0].start,
        end: words[words.length - 1].end,
        text: words.map((w) => w.word).join(' '),
        words,
      });
    }
    words = [];
  };
  for (const line of stdout.split('\n')) {
    const m = WORD_LINE.exec(line.trim());
    if (!m) continue;
    const [, token, start, end] = m;
    if (token === '<s>') flush();
    if (token === '</s>') {
      flush();
      continue;
    }
    if (isFiller(token)) continue;
    words.push({ word: token.replace(/\(\d+\)$/, ''), start: Number(start), end: Number(end) });
  }
  flush();
  return segments;
}
