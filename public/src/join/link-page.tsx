import React, { useEffect, useState } from 'react';
import { ApiError } from '../../../src/client/request-json';
import type { ProblemCode } from '../../../src/ui/problem-codes';
import { BackToChat, type BrowserHistory } from './BackToChat';
import { ProblemPage } from './ProblemPage';

/** Where a page opened from a customer link stands: opening it, why it cannot, or what it opened. */
export type LinkPhase<T> = { name: 'loading' } | { name: 'problem'; code: string } | { name: 'ready'; value: T };

const codeOf = (e: unknown) => (e instanceof ApiError ? e.code : 'unknown');

/**
 * Opens what a customer link names (`open`, null without a link) and follows it: loading, then
 * ready or the problem's code. `retry` opens it again; `fail` turns a later refusal into a problem.
 * A result that arrives after the page moved on is dropped.
 */
export function useLinkOpen<T>(open: (() => Promise<T>) | null) {
  const [phase, setPhase] = useState<LinkPhase<T>>({ name: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!open) return setPhase({ name: 'problem', code: 'token_missing' satisfies ProblemCode });
    let cancelled = false;
    setPhase({ name: 'loading' });
    open().then(
      (value) => !cancelled && setPhase({ name: 'ready', value }),
      (e) => !cancelled && setPhase({ name: 'problem', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [open, attempt]);
  return { phase, retry: () => setAttempt((n) => n + 1), fail: (code: string) => setPhase({ name: 'problem', code }) };
}

/** The page while a link opens: a status line screen readers announce. */
export function OpeningPage({ text, className = 'page' }: { text: string; className?: string }) {
  return (
    <main className={className} aria-busy="true">
      <p className="lead" role="status">
        {text}
      </p>
    </main>
  );
}

/** Why a link opened nothing, in the page's own words, with a retry and the way back to the chat. */
export function LinkProblem({ code, describe, onRetry, history }: { code: string; describe: React.ComponentProps<typeof ProblemPage>['describe']; onRetry(): void; history: BrowserHistory }) {
  return (
    <ProblemPage code={code} describe={describe} onRetry={onRetry}>
      <BackToChat history={history} />
    </ProblemPage>
  );
}
