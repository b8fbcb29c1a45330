import type { ClipAuthor, LibraryItem, LibraryState, RecordingKind } from '../../api/library-contract';
import { formatDuration } from '../../core/pipeline/text/format';
import { clock, type TranscriptSegment } from '../components/RecordingPlayer';

/** Why a library recording has no video any more, said in full. */
export function mediaDeletedText(d: NonNullable<LibraryItem['mediaDeleted']>): string {
  const on = new Date(d.deletedAt).toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  if (d.reason === 'erasure') return `Video and transcript removed on request (${on}).`;
  if (d.reason === 'pii') return `Video deleted at close on ${on}: personal data was found in it. The redacted transcript is kept.`;
  return `Video deleted under the retention policy on ${on}; transcript kept.`;
}

/** Who is looking: agents get their own recordings (the server filters), supervisors everyone's. */
export type LibraryViewerRole = 'agent' | 'supervisor';

export const KIND_LABEL: Record<RecordingKind, string> = { call: 'Call', clip: 'Clip' };

export const STATE_LABEL: Record<LibraryState, string> = {
  processing: 'Processing',
  ready: 'Ready',
  failed: 'Failed',
  not_recorded: 'Not recorded',
};

/** What the player says instead of playing a recording that cannot play (yet). */
export const NOT_PLAYABLE: Record<Exclude<LibraryState, 'ready'>, string> = {
  processing: 'This recording is still being processed. Try again in a few minutes.',
  failed: 'This recording could not be processed, so there is nothing to play.',
  not_recorded: 'This conversation was not recorded.',
};

/** "23 Nov 2025, 14:05" in the viewer's locale; the raw value when it is not a date. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "23 Nov 2025, 14:05:07": to the second, where two recordings of one minute must differ. */
export function formatWhenExact(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export const formatLength = formatDuration;

/** "Jordan Lee (customer)": who made a clip. */
export const authorText = (author: ClipAuthor): string => `${author.name} (${author.role})`;

const customerOf = (item: LibraryItem): string => item.customerName || 'an unnamed customer';

/** "Clip by Jordan Lee (customer) with Jordan Lee, 23 Nov 2025, 14:05": names a recording for headings. */
export const describeRecording = (item: LibraryItem): string =>
  `${KIND_LABEL[item.kind]}${item.author ? ` by ${authorText(item.author)}` : ''} with ${customerOf(item)}, ${formatWhen(item.endedAt)}`;

/**
 * The name of a row's Open button, unique in the list: a customer's clip and the agent's reply in
 * the same minute share agent, customer and minute, so the author, the second and the length go
 * in too. "Open video clip by Jordan Lee (customer) with Jordan Lee, 7 Dec 2026, 14:03:27, 0:42".
 */
export function openRecordingName(item: LibraryItem): string {
  const who = item.kind === 'clip' ? (item.author ? ` by ${authorText(item.author)}` : '') : ` by ${item.agentName || item.agentIdentity} (agent)`;
  return `Open ${item.kind === 'clip' ? 'video clip' : 'call'}${who} with ${customerOf(item)}, ${formatWhenExact(item.endedAt)}, ${formatLength(item.durationSeconds)}`;
}

/** The transcript as a plain-text download: one "[m:ss] Speaker: words" line each. */
export const transcriptText = (segments: ReadonlyArray<TranscriptSegment>): string =>
  segments.map((s) => `[${clock(s.start)}] ${s.speaker}: ${s.text}`).join('\n') + (segments.length ? '\n' : '');

/** A file name from the recording id, safe on every system. */
export const downloadName = (item: LibraryItem, ext: string): string => `recording-${item.recordingId.replace(/[^A-Za-z0-9_-]/g, '_')}.${ext}`;
