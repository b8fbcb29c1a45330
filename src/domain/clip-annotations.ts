/**
 * What a clip's sender draws over the preview before Send (#22): a rectangle to blur (personal data
 * caught on screen), or a highlight (a box or an arrow), each over a time range. The composed video
 * carries them burned in; the unblurred composition is deleted once the finished one exists.
 * Positions are fractions (0–1) of the composed frame, so they hold at any resolution.
 */
export type ClipAnnotationKind = 'blur' | 'box' | 'arrow';
export const CLIP_ANNOTATION_KINDS: readonly ClipAnnotationKind[] = ['blur', 'box', 'arrow'];

export interface ClipAnnotation {
  kind: ClipAnnotationKind;
  /** Blur and box: the rectangle's top-left corner and size. Arrow: from (x, y) to (x + width, y + height); width and height may be negative. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Seconds from the clip's start. */
  startSeconds: number;
  endSeconds: number;
}

/** At most this many per clip: enough for a careful sender, few enough for one ffmpeg pass. */
export const CLIP_ANNOTATIONS_MAX = 20;

/** A sender's short text description of the clip, shown with it in the thread for screen readers. */
export const CLIP_DESCRIPTION_MAX = 500;
