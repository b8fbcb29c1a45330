import React, { useState } from 'react';
import { useFieldIds } from '../../hooks/useFieldIds';
import { ChooseIllustration, RecordIllustration, SendIllustration } from './GuideIllustrations';
import { browserGuideStorage, guideWasDismissed, rememberGuideDismissed, type GuideStorage } from './guide-memory';

export interface FirstTakeGuideProps {
  /** Where the guide remembers it was put away; defaults to this browser's localStorage. */
  storage?: GuideStorage | null;
  /** The practice recording, shown under the steps (TestTake). */
  children?: React.ReactNode;
}

const STEPS = [
  { title: 'Choose what to show', text: 'Your screen, your camera, or both. Check that the picture and the microphone level move.', Picture: ChooseIllustration },
  { title: 'Tick the box, press Record', text: 'After 3-2-1 you are recording. You can pause, or retake from the start.', Picture: RecordIllustration },
  { title: 'Watch it, then Send', text: 'Press Stop, play it back, then Send it, or discard it and record again.', Picture: SendIllustration },
] as const;

/**
 * A first-time guide above the recorder's setup: three short steps with pictures and a practice
 * recording. Inline and collapsible, never a dialog, so the setup stays usable around it. Open on
 * a first visit; once put away, it stays folded on this browser (one button opens it again).
 */
export function FirstTakeGuide({ storage = browserGuideStorage(), children }: FirstTakeGuideProps) {
  const [open, setOpen] = useState(() => !guideWasDismissed(storage));
  const id = useFieldIds('clip-guide');
  const toggle = (next: boolean) => {
    setOpen(next);
    rememberGuideDismissed(storage, !next);
  };

  return (
    // No heading of its own: the setup's heading stays the recorder's first; the toggle names the region.
    <section className="vx-clip-guide" aria-labelledby={`${id}-toggle`} data-testid="clip-guide" data-open={open}>
      <button
        type="button"
        id={`${id}-toggle`}
        className="vx-button vx-clip-guide__toggle"
        aria-expanded={open}
        aria-controls={`${id}-body`}
        data-testid="clip-guide-toggle"
        onClick={() => toggle(!open)}
      >
        How to record: 3 steps and a test
      </button>
      {/* Kept in the page while folded so aria-controls always names an element. */}
      <div id={`${id}-body`} className="vx-clip-guide__body" hidden={!open}>
        <ol className="vx-clip-guide__steps">
          {STEPS.map(({ title, text, Picture }) => (
            <li className="vx-clip-guide__step" key={title} data-testid="clip-guide-step">
              <Picture />
              <strong className="vx-clip-guide__step-title">{title}</strong>
              <p className="vx-clip__hint">{text}</p>
            </li>
          ))}
        </ol>
        {open && children}
        <button type="button" className="vx-button" data-testid="clip-guide-dismiss" onClick={() => toggle(false)}>
          Got it, hide the guide
        </button>
      </div>
    </section>
  );
}
