import type { WatchTranscriptLine } from '../../../src/api/watch-contract';
import { clock } from '../../../src/ui/components/RecordingPlayer';

/** The transcript as a plain-text file a customer can keep: a heading, then "0:03 Agent: …" per line. */
export function transcriptFile(title: string, recordedAt: string, segments: readonly WatchTranscriptLine[]): string {
  const when = new Date(recordedAt);
  const date = Number.isNaN(when.getTime()) ? '' : ` (${when.toISOString().slice(0, 10)})`;
  return [`${title}${date}`, '', ...segments.map((s) => `${clock(s.start)} ${s.speaker}: ${s.text}`), ''].join('\n');
}

/** A file name for it: the title's words and the date, nothing a file system would choke on. */
export function transcriptFileName(title: string, recordedAt: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'recording';
  return `${slug}-transcript-${recordedAt.slice(0, 10)}.txt`;
}
