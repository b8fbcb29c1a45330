import React, { useEffect, useRef, useState } from 'react';
import type { CorrectedLine } from '../../api/transcript-corrections-contract';
import { ApiError } from '../../client/request-json';
import { clock, type TranscriptSegment } from '../components/RecordingPlayer';
import { useFieldIds } from '../hooks/useFieldIds';
import type { TranscriptCorrectionsApi } from './transcript-corrections-api';

export interface TranscriptLineEditorProps {
  api: TranscriptCorrectionsApi;
  recordingId: string;
  /** The line's position in the transcript. */
  index: number;
  segment: TranscriptSegment;
  /** The speakers this line may be given. */
  speakers: readonly string[];
  /** Focus the Edit button on mount: the line just saved, after the player reloads. */
  focusOnMount?: boolean;
  onSaved(line: CorrectedLine): void;
}

/** "Edit line at 0:12 by Customer": unique per line, said the way the line reads. */
export const editLineName = (s: Pick<TranscriptSegment, 'start' | 'speaker'>): string => `Edit line at ${clock(s.start)} by ${s.speaker}`;

/** Words for a refusal: a stale edit is explained, not shown as a code. */
function saveError(e: unknown): string {
  if (e instanceof ApiError && e.code === 'line_changed') {
    return 'Someone else saved a change to this line after you opened it. Your text is still here: cancel to see their version, then edit again.';
  }
  return `Could not save the correction: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * One transcript line's correction: an Edit button, then an inline form (what was said, who said
 * it, Save, Cancel). Escape cancels; focus returns to the Edit button. The server redacts the new
 * text and refuses an edit of a line someone changed meanwhile; both are said in words.
 */
export function TranscriptLineEditor({ api, recordingId, index, segment, speakers, focusOnMount, onSaved }: TranscriptLineEditorProps) {
  const ids = useFieldIds('line-edit');
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(segment.text);
  const [speaker, setSpeaker] = useState(segment.speaker);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const textField = useRef<HTMLTextAreaElement>(null);
  const name = editLineName(segment);

  useEffect(() => {
    if (focusOnMount) editButton.current?.focus();
  }, [focusOnMount]);
  useEffect(() => {
    if (editing) textField.current?.focus();
  }, [editing]);

  const open = () => {
    setText(segment.text);
    setSpeaker(segment.speaker);
    setError(null);
    setEditing(true);
  };
  const cancel = () => {
    setEditing(false);
    setTimeout(() => editButton.current?.focus(), 0);
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError('Write what was said on this line.');
    setSaving(true);
    setError(null);
    try {
      const answer = await api.correct({
        recordingId,
        line: index,
        expected: { start: segment.start, speaker: segment.speaker, text: segment.text },
        text,
        speaker,
      });
      setEditing(false);
      onSaved(answer.line);
    } catch (err) {
      setError(saveError(err));
    } finally {
      setSaving(false);
    }
  };

  if (!editing) {
    return (
      <button type="button" ref={editButton} className="vx-button vx-transcript__edit" aria-label={name} onClick={open} data-testid="edit-line">
        Edit
      </button>
    );
  }
  return (
    <form
      className="vx-transcript__editor"
      aria-label={`Correct the line at ${clock(segment.start)}`}
      onSubmit={save}
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
      data-testid="line-editor"
    >
      <label htmlFor={`${ids}-text`}>What was said</label>
      <textarea
        id={`${ids}-text`}
        ref={textField}
        value={text}
        rows={2}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${ids}-error` : undefined}
        data-testid="line-text"
      />
      <label htmlFor={`${ids}-speaker`}>Speaker</label>
      <select id={`${ids}-speaker`} value={speaker} onChange={(e) => setSpeaker(e.target.value)} data-testid="line-speaker">
        {speakers.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${ids}-error`} className="vx-error" role="alert" data-testid="line-error">
          {error}
        </p>
      )}
      <button type="submit" className="vx-button" disabled={saving} data-testid="save-line">
        {saving ? 'Saving…' : 'Save'}
      </button>{' '}
      <button type="button" className="vx-button" onClick={cancel} data-testid="cancel-line">
        Cancel
      </button>
    </form>
  );
}

/** The speakers a line may be given: everyone in the transcript, then "Agent" and "Customer" (as the server allows). */
export function speakerOptions(segments: ReadonlyArray<Pick<TranscriptSegment, 'speaker'>>): string[] {
  return [...new Set([...segments.map((s) => s.speaker), 'Agent', 'Customer'])];
}
