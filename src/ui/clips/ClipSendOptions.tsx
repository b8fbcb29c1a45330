import React from 'react';
import { CLIP_DESCRIPTION_MAX, type ClipAnnotation } from '../../domain/clip-annotations';
import { useFieldIds } from '../hooks/useFieldIds';
import { AnnotationEditor } from './annotations/AnnotationEditor';

export interface ClipSendOptionsProps {
  durationSeconds: number;
  /** The preview player the annotations are drawn over (null without a preview: the form still works). */
  video: HTMLVideoElement | null;
  annotations: ClipAnnotation[];
  onAnnotations(next: ClipAnnotation[]): void;
  description: string;
  onDescription(next: string): void;
}

/**
 * What a careful sender may add before Send (#22): rectangles to blur (personal data caught on
 * screen) or highlight, burned into the video; and a short description shown with the clip for
 * people using screen readers (without one, key sentences of the transcript are shown).
 */
export function ClipSendOptions(props: ClipSendOptionsProps) {
  const ids = useFieldIds('clip-send-options');
  return (
    <div className="vx-clip__send-options" data-testid="clip-send-options">
      <AnnotationEditor durationSeconds={props.durationSeconds} video={props.video} value={props.annotations} onChange={props.onAnnotations} />
      <label htmlFor={`${ids}-description`}>Describe your clip (optional: shown to people using screen readers)</label>
      <textarea
        id={`${ids}-description`}
        data-testid="clip-description-input"
        rows={2}
        maxLength={CLIP_DESCRIPTION_MAX}
        value={props.description}
        onChange={(e) => props.onDescription(e.target.value)}
      />
    </div>
  );
}
