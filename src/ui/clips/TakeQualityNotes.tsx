import React from 'react';
import { useFieldIds } from '../hooks/useFieldIds';
import type { TakeAdvice } from './quality/take-quality';

/**
 * The quality check's findings on the review screen: plain advice, never a block (Send stays
 * as it was). Nothing is shown for a take with nothing to say.
 */
export function TakeQualityNotes({ advice }: { advice: readonly TakeAdvice[] }) {
  const headingId = useFieldIds('clip-quality-heading');
  if (advice.length === 0) return null;
  return (
    <section className="vx-clip__notice vx-clip__notice--warn vx-clip__quality" aria-labelledby={headingId} data-testid="clip-quality">
      <h3 id={headingId} className="vx-clip__quality-title">
        Before you send
      </h3>
      <ul>
        {advice.map((a) => (
          <li key={a.kind} data-testid={`clip-quality-${a.kind}`}>
            {a.text}
          </li>
        ))}
      </ul>
      <p className="vx-clip__hint">You can still send it as it is, or discard it and record again.</p>
    </section>
  );
}
