const TIME = /^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})$|^([0-5]\d):([0-5]\d)\.(\d{3})$/;

function seconds(text: string): number {
  const m = TIME.exec(text.trim());
  if (!m) throw new Error(`bad timestamp ${JSON.stringify(text)}`);
  return m[1] !== undefined
    ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000
    : Number(m[5]) * 60 + Number(m[6]) + Number(m[7]) / 1000;
}

export interface ParsedCue {
  start: number;
  end: number;
  text: string;
}

/**
 * A strict-enough WebVTT check (the W3C format's core): the WEBVTT signature, cue timing lines
 * with start < end, cues in start order, and non-empty payloads. Throws saying what is wrong.
 */
export function parseWebVtt(vtt: string): ParsedCue[] {
  const blocks = vtt.replace(/\r\n/g, '\n').split(/\n{2,}/);
  if (!/^WEBVTT(\s|$)/.test(blocks[0] ?? '')) throw new Error('missing WEBVTT signature');
  const cues: ParsedCue[] = [];
  for (const block of blocks.slice(1)) {
    const lines = block.split('\n').filter((l) => l.length > 0);
    if (lines.length === 0 || /^NOTE(\s|$)/.test(lines[0])) continue;
    const timingIndex = lines.findIndex((l) => l.includes('-->'));
    if (timingIndex < 0 || timingIndex > 1) throw new Error(`cue without a timing line: ${JSON.stringify(block)}`);
    const [from, rest] = lines[timingIndex].split('-->');
    const start = seconds(from);
    const end = seconds(rest.trim().split(/\s+/)[0]);
    if (!(start < end)) throw new Error(`cue ends before it starts: ${lines[timingIndex]}`);
    if (cues.length && start < cues[cues.length - 1].start) throw new Error(`cues out of order at ${lines[timingIndex]}`);
    const text = lines.slice(timingIndex + 1).join('\n');
    if (!text.trim()) throw new Error(`empty cue at ${lines[timingIndex]}`);
    cues.push({ start, end, text });
  }
  return cues;
}
