import type { ClipAnnotation, ClipAnnotationKind } from '../../../domain/clip-annotations';

/** How long a new annotation lasts unless the sender says otherwise. */
export const DEFAULT_ANNOTATION_SECONDS = 4;

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));
const round = (n: number): number => Math.round(n * 1000) / 1000;

export interface Point {
  x: number;
  y: number;
}

/** The time range a new annotation gets: from the playback position, 4 s long, within the clip. */
export function defaultRange(currentSeconds: number, durationSeconds: number): { startSeconds: number; endSeconds: number } {
  const end = durationSeconds > 0 ? durationSeconds : currentSeconds + DEFAULT_ANNOTATION_SECONDS;
  const start = Math.min(Math.max(0, currentSeconds), Math.max(0, end - 0.5));
  return { startSeconds: round(start), endSeconds: round(Math.min(end, start + DEFAULT_ANNOTATION_SECONDS)) };
}

/**
 * What a drag from `from` to `to` (fractions of the picture) draws: a rectangle spanning both
 * corners, or an arrow from the first point to the second. Null for a click (too small to mean anything).
 */
export function annotationFromDrag(kind: ClipAnnotationKind, from: Point, to: Point, range: { startSeconds: number; endSeconds: number }): ClipAnnotation | null {
  const a = { x: clamp01(from.x), y: clamp01(from.y) };
  const b = { x: clamp01(to.x), y: clamp01(to.y) };
  if (Math.abs(a.x - b.x) < 0.01 && Math.abs(a.y - b.y) < 0.01) return null;
  if (kind === 'arrow') return { kind, x: round(a.x), y: round(a.y), width: round(b.x - a.x), height: round(b.y - a.y), ...range };
  return { kind, x: round(Math.min(a.x, b.x)), y: round(Math.min(a.y, b.y)), width: round(Math.abs(b.x - a.x)), height: round(Math.abs(b.y - a.y)), ...range };
}

/** From the keyboard form, in percent and seconds; null with the reason when it cannot be added. */
export function annotationFromForm(
  kind: ClipAnnotationKind,
  f: { x: number; y: number; width: number; height: number; startSeconds: number; endSeconds: number },
  durationSeconds: number,
): ClipAnnotation | string {
  const values = [f.x, f.y, f.width, f.height, f.startSeconds, f.endSeconds];
  if (values.some((v) => !Number.isFinite(v))) return 'Fill in every field with a number.';
  if (f.x < 0 || f.y < 0 || f.x > 100 || f.y > 100) return 'The position must be between 0 and 100 %.';
  if (kind !== 'arrow' && (f.width <= 0 || f.height <= 0)) return 'Width and height must be more than 0 %.';
  if (kind === 'arrow' && f.width === 0 && f.height === 0) return 'An arrow needs a length.';
  if (f.endSeconds <= f.startSeconds) return 'The end must come after the start.';
  if (f.startSeconds < 0 || (durationSeconds > 0 && f.startSeconds >= durationSeconds)) return 'The start must be within the clip.';
  const from = { x: f.x / 100, y: f.y / 100 };
  const to = { x: (f.x + f.width) / 100, y: (f.y + f.height) / 100 };
  const range = { startSeconds: round(f.startSeconds), endSeconds: round(durationSeconds > 0 ? Math.min(f.endSeconds, durationSeconds) : f.endSeconds) };
  return annotationFromDrag(kind, from, to, range) ?? 'Make it bigger than 1 %.';
}

export const KIND_LABEL: Record<ClipAnnotationKind, string> = { blur: 'Blur', box: 'Box', arrow: 'Arrow' };

const pct = (n: number): string => `${Math.round(n * 100)}%`;
const secs = (n: number): string => `${Math.round(n * 10) / 10} s`;

/** One line a screen reader and a sighted sender read alike. */
export function describeAnnotation(a: ClipAnnotation): string {
  const where = a.kind === 'arrow' ? `from ${pct(a.x)}, ${pct(a.y)} to ${pct(a.x + a.width)}, ${pct(a.y + a.height)}` : `at ${pct(a.x)}, ${pct(a.y)}, ${pct(a.width)} by ${pct(a.height)}`;
  return `${KIND_LABEL[a.kind]} ${where}, ${secs(a.startSeconds)} to ${secs(a.endSeconds)}`;
}
