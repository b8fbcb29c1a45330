import type { LibraryItem, LibraryState, RecordingKind } from '../../api/library-contract';
import { formatDuration } from '../../core/pipeline/format';
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

export const formatLength = formatDuration;

/** "Call with Jordan Lee, 23 Nov 2025, 14:05": names a recording for headings and buttons. */
export const describeRecording = (item: LibraryItem): string =>
  `${KIND_LABEL[item.kind]} with ${item.customerName || 'an unnamed customer'}, ${formatWhen(item.endedAt)}`;

/** The transcript as a plain-text download: one "[m:ss] Speaker: words" line each. */
export const transcriptText = (segments: ReadonlyArray<TranscriptSegment>): string =>
  segments.map((s) => `[${clock(s.start)}] ${s.speaker}: ${s.text}`).join('\n') + (segments.length ? '\n' : '');

/** A file name from the recording id, safe on every system. */
export const downloadName = (item: LibraryItem, ext: string): string => `recording-${item.recordingId.replace(/[^A-Za-z0-9_-]/g, '_')}.${ext}`;
