import React, { useEffect, useRef } from 'react';
import { problemFor, type Problem } from './problems';

/**
 * A whole page for a problem: what happened, what to do next, and Try again where it can help.
 * `describe` words the problem for another page (the recording page's links are not call links).
 */
export function ProblemPage({ code, onRetry, children, describe = problemFor }: { code: string; onRetry?: () => void; children?: React.ReactNode; describe?: (code: string) => Problem }) {
  const p = describe(code);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [code]);
  return (
    <main className="page page--problem" data-problem={code}>
      <h1 ref={heading} tabIndex={-1} data-testid="error-title">
        {p.title}
      </h1>
      <p className="lead">{p.detail}</p>
      {p.retry && onRetry && (
        <button type="button" className="btn btn--primary" data-testid="retry-button" onClick={onRetry}>
          Try again
        </button>
      )}
      {children}
    </main>
  );
}
