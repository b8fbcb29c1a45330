import React, { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { CLIP_ANNOTATION_KINDS, CLIP_ANNOTATIONS_MAX, type ClipAnnotation, type ClipAnnotationKind } from '../../../domain/clip-annotations';
import { useFieldIds } from '../../hooks/useFieldIds';
import { annotationFromDrag, annotationFromForm, defaultRange, describeAnnotation, KIND_LABEL, type Point } from './annotation-draft';
import { AnnotationShapes } from './AnnotationShapes';

export interface AnnotationEditorProps {
  durationSeconds: number;
  video: HTMLVideoElement | null;
  value: ClipAnnotation[];
  onChange(a: ClipAnnotation[]): void;
}

/** The preview's playback position, kept current while it plays or seeks. */
function usePlaybackTime(video: HTMLVideoElement | null): number {
  const [time, setTime] = useState(0);
  useEffect(() => {
    if (!video) return undefined;
    const update = () => setTime(video.currentTime || 0);
    update();
    video.addEventListener('timeupdate', update);
    video.addEventListener('seeked', update);
    return () => {
      video.removeEventListener('timeupdate', update);
      video.removeEventListener('seeked', update);
    };
  }, [video]);
  return time;
}

/** Where the preview's picture is inside its parent, kept in step with resizes. */
function useVideoBox(video: HTMLVideoElement | null): { left: number; top: number; width: number; height: number } | null {
  const [box, setBox] = useState<{ left: number; top: number; width: number; height: number } | null>(null);
  useEffect(() => {
    if (!video?.parentElement) return undefined;
    const parent = video.parentElement;
    // The drawing surface is laid over the picture, inside the same parent.
    if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
    const measure = () => setBox({ left: video.offsetLeft, top: video.offsetTop, width: video.offsetWidth, height: video.offsetHeight });
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(video);
    video.addEventListener('loadedmetadata', measure);
    return () => {
      observer?.disconnect();
      video.removeEventListener('loadedmetadata', measure);
    };
  }, [video]);
  return box;
}

/**
 * Blur and mark-up before Send (#22): over the preview the sender picks Blur, Box or Arrow and drags
 * on the picture; each lasts from the playback position for 4 s unless set otherwise. The same can
 * be done from the keyboard with the form (position and size in %, times in seconds), and every
 * annotation is listed with a Remove button. Positions are fractions of the picture, which the
 * server burns into the composed video.
 */
export function AnnotationEditor({ durationSeconds, video, value, onChange }: AnnotationEditorProps) {
  const ids = useFieldIds('annotations');
  const [kind, setKind] = useState<ClipAnnotationKind>('blur');
  const time = usePlaybackTime(video);
  const box = useVideoBox(video);
  const [drag, setDrag] = useState<{ from: Point; to: Point } | null>(null);
  const surface = useRef<HTMLDivElement>(null);
  const full = value.length >= CLIP_ANNOTATIONS_MAX;
  const [status, setStatus] = useState('');

  const range = defaultRange(time, durationSeconds);
  const [form, setForm] = useState({ x: '10', y: '10', width: '30', height: '20', startSeconds: String(range.startSeconds), endSeconds: String(range.endSeconds) });
  const [formError, setFormError] = useState<string | null>(null);

  const add = (a: ClipAnnotation) => {
    if (full) return;
    onChange([...value, a]);
    setStatus(`Added: ${describeAnnotation(a)}.`);
  };
  const remove = (i: number) => {
    const gone = value[i];
    onChange(value.filter((_, k) => k !== i));
    setStatus(`Removed: ${describeAnnotation(gone)}.`);
  };

  const pointOf = (e: React.PointerEvent): Point => {
    const r = (surface.current as HTMLDivElement).getBoundingClientRect();
    return { x: (e.clientX - r.left) / r.width, y: (e.clientY - r.top) / r.height };
  };
  const onPointerDown = (e: React.PointerEvent) => {
    if (full) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const p = pointOf(e);
    setDrag({ from: p, to: p });
  };
  const onPointerMove = (e: React.PointerEvent) => drag && setDrag({ ...drag, to: pointOf(e) });
  const onPointerUp = (e: React.PointerEvent) => {
    if (!drag) return;
    const made = annotationFromDrag(kind, drag.from, pointOf(e), defaultRange(video?.currentTime ?? time, durationSeconds));
    setDrag(null);
    if (made) add(made);
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const made = annotationFromForm(kind, {
      x: Number(form.x), y: Number(form.y), width: Number(form.width), height: Number(form.height),
      startSeconds: Number(form.startSeconds), endSeconds: Number(form.endSeconds),
    }, durationSeconds);
    if (typeof made === 'string') return setFormError(made);
    setFormError(null);
    add(made);
  };
  const field = (name: keyof typeof form, label: string, min: number, max: number, step: string) => (
    <div className="vx-field vx-field--inline">
      <label htmlFor={`${ids}-${name}`}>{label}</label>
      <input id={`${ids}-${name}`} data-testid={`annotation-${name === 'startSeconds' ? 'start' : name === 'endSeconds' ? 'end' : name}`} type="number" inputMode="decimal" min={min} max={max} step={step} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </div>
  );
  const draft = drag ? annotationFromDrag(kind, drag.from, drag.to, range) : null;
  const showing = value.filter((a) => time >= a.startSeconds && time < a.endSeconds);

  return (
    <section className="vx-annotations" data-testid="annotation-editor" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="vx-clip__subtitle">Blur or highlight</h3>
      <p className="vx-clip__meta">Blur what should not be seen (a card, an address), or point something out. Blurred parts are removed from the video that is sent.</p>
      <fieldset className="vx-annotations__tools">
        <legend>Tool</legend>
        {CLIP_ANNOTATION_KINDS.map((k) => (
          <label key={k} className="vx-choice">
            <input type="radio" name={`${ids}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`annotation-tool-${k}`} />
            {KIND_LABEL[k]}
          </label>
        ))}
      </fieldset>
      {video?.parentElement && box &&
        createPortal(
          <div
            ref={surface}
            className="vx-annotations__surface"
            data-testid="annotation-surface"
            aria-hidden="true"
            style={{ position: 'absolute', left: box.left, top: box.top, width: box.width, height: box.height, cursor: full ? 'not-allowed' : 'crosshair', touchAction: 'none' }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(null)}
          >
            <AnnotationShapes annotations={draft ? [...showing, draft] : showing} />
          </div>,
          video.parentElement,
        )}
      <form className="vx-annotations__form" data-testid="annotation-form" onSubmit={submit} aria-describedby={`${ids}-form-help`}>
        <p id={`${ids}-form-help`} className="vx-clip__meta">Or add one by numbers: position and size in % of the picture, times in seconds.</p>
        {field('x', 'Left (%)', 0, 100, '1')}
        {field('y', 'Top (%)', 0, 100, '1')}
        {field('width', kind === 'arrow' ? 'Across (%)' : 'Width (%)', kind === 'arrow' ? -100 : 0, 100, '1')}
        {field('height', kind === 'arrow' ? 'Down (%)' : 'Height (%)', kind === 'arrow' ? -100 : 0, 100, '1')}
        {field('startSeconds', 'From (s)', 0, Math.max(0, durationSeconds), '0.1')}
        {field('endSeconds', 'To (s)', 0, Math.max(0, durationSeconds), '0.1')}
        <button type="button" className="vx-button" onClick={() => setForm({ ...form, startSeconds: String(range.startSeconds), endSeconds: String(range.endSeconds) })}>
          Use the current time
        </button>
        <button type="submit" className="vx-button" data-testid="annotation-add" disabled={full}>
          Add {KIND_LABEL[kind].toLowerCase()}
        </button>
        {formError && (
          <p className="vx-error" role="alert" data-testid="annotation-form-error">
            {formError}
          </p>
        )}
      </form>
      {full && <p className="vx-clip__notice">That is the most one clip can have ({CLIP_ANNOTATIONS_MAX}). Remove one to add another.</p>}
      {value.length > 0 && (
        <ul className="vx-annotations__list" data-testid="annotation-list" aria-label="Blurs and highlights">
          {value.map((a, i) => (
            <li key={`${i}-${a.kind}-${a.x}-${a.y}-${a.startSeconds}`} data-testid="annotation-item" data-kind={a.kind}>
              <span>{describeAnnotation(a)}</span>{' '}
              <button type="button" className="vx-button vx-button--small" data-testid="annotation-remove" aria-label={`Remove ${describeAnnotation(a)}`} onClick={() => remove(i)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="vx-visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
