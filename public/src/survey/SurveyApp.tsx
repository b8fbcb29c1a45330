import React, { useEffect, useMemo, useRef, useState } from 'react';
import type { SurveyAnswers, SurveyView } from '../../../src/api/support-contract';
import { ApiError, type SurveyApi } from '../../../src/ui/api/survey-api';
import type { ProblemCode } from '../../../src/ui/problem-codes';
import { BackToChat, browserHistory, type BrowserHistory } from '../join/BackToChat';
import { LinkProblem, OpeningPage, useLinkOpen } from '../join/link-page';
import { surveyProblemFor } from './survey-problems';

export interface SurveyAppProps {
  /** Null when the page was opened without a survey link. */
  api: SurveyApi | null;
  /** The browser's IANA time zone, sent with the first call. */
  timeZone?: string;
  history?: BrowserHistory;
}

/** The 1–5 scale, each point with its words visible beside the number. */
export const SCORE_LABELS: readonly { score: number; label: string }[] = [
  { score: 1, label: 'Very dissatisfied' },
  { score: 2, label: 'Dissatisfied' },
  { score: 3, label: 'Neither satisfied nor dissatisfied' },
  { score: 4, label: 'Satisfied' },
  { score: 5, label: 'Very satisfied' },
];

/** Codes after which the survey cannot go on: the page explains them instead of the form. */
const LINK_PROBLEMS: readonly string[] = ['link_expired', 'link_invalid', 'token_missing'] satisfies ProblemCode[];

const codeOf = (e: unknown) => (e instanceof ApiError ? e.code : 'unknown');

/**
 * The customer's satisfaction survey (#20), opened from the link in the resolution message: on
 * Webchat, SMS and WhatsApp the only way to answer. Two questions, one after the other, each a
 * native radio group in a fieldset (keyboard and screen readers work as everywhere), then a
 * thank-you. A second visit resumes where the ticket's answers stand; answers are kept once.
 */
export function SurveyApp({ api, timeZone, history = browserHistory }: SurveyAppProps) {
  const open = useMemo(() => (api ? () => api.open(timeZone) : null), [api, timeZone]);
  const { phase, retry, fail } = useLinkOpen(open);
  switch (phase.name) {
    case 'loading':
      return <OpeningPage className="page page--survey" text="Opening the survey…" />;
    case 'problem':
      return <LinkProblem code={phase.code} describe={surveyProblemFor} onRetry={retry} history={history} />;
  }
  return <SurveyPage view={phase.value} api={api as SurveyApi} history={history} onProblem={fail} />;
}

type Step = 'solved' | 'score' | 'done';

const stepOf = (a: SurveyAnswers): Step => (a.solved === null ? 'solved' : a.score === null ? 'score' : 'done');

function SurveyPage({ view, api, history, onProblem }: { view: SurveyView; api: SurveyApi; history: BrowserHistory; onProblem(code: string): void }) {
  const [answers, setAnswers] = useState(view.answers);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const step = stepOf(answers);
  const pageHeading = useRef<HTMLHeadingElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // The page's heading on arrival; the next question's (or the thank-you's) after each answer.
  useEffect(() => {
    (firstRender.current ? pageHeading : stepHeading).current?.focus();
    firstRender.current = false;
  }, [step]);

  const send = (answer: { solved?: boolean; score?: number }) => {
    setBusy(true);
    setError(null);
    api.answer(answer).then(
      (r) => {
        setBusy(false);
        setNotice(r.kept.length > 0 ? 'You had already answered this question, so we kept your first answer.' : null);
        setAnswers(r.answers);
      },
      (e) => {
        setBusy(false);
        if (LINK_PROBLEMS.includes(codeOf(e))) return onProblem(codeOf(e));
        setError(e instanceof ApiError && e.code === 'network' ? 'We could not reach the server. Check your connection, then try again.' : `Your answer was not saved: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };

  return (
    <main className="page page--survey" data-testid="survey-page" data-step={step}>
      <h1 ref={pageHeading} tabIndex={-1}>
        Quick survey
      </h1>
      <p className="lead">
        {view.agentName ? `About your chat with ${view.agentName}` : 'About your chat with us'} on {new Date(view.askedAt).toLocaleDateString()}.
      </p>
      {notice && (
        <p className="notice" role="status" data-testid="survey-notice">
          {notice}
        </p>
      )}
      {step === 'solved' && (
        <ChoiceStep
          key="solved"
          name="solved"
          question="Did this solve your problem?"
          headingRef={stepHeading}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          submitLabel="Next"
          missing="Choose Yes or No first."
          busy={busy}
          error={error}
          onMissing={setError}
          onSubmit={(value) => send({ solved: value === 'yes' })}
        />
      )}
      {step === 'score' && (
        <>
          {answers.solved === false && <p className="hint">Sorry it is not solved yet. You can reply in your chat and we will pick it up.</p>}
          <ChoiceStep
            key="score"
            name="score"
            question="How satisfied are you?"
            hint="Choose from 1, very dissatisfied, to 5, very satisfied."
            headingRef={stepHeading}
            options={SCORE_LABELS.map(({ score, label }) => ({ value: String(score), label: `${score} – ${label}` }))}
            submitLabel="Submit"
            missing="Choose how satisfied you are first."
            busy={busy}
            error={error}
            onMissing={setError}
            onSubmit={(value) => send({ score: Number(value) })}
          />
        </>
      )}
      {step === 'done' && (
        <section className="survey__done" aria-labelledby="survey-thanks">
          <h2 id="survey-thanks" ref={stepHeading} tabIndex={-1}>
            Thank you
          </h2>
          <p className="lead" data-testid="survey-summary">
            You told us your problem was {answers.solved ? 'solved' : 'not solved'} and rated your satisfaction {answers.score} out of 5
            {` (${SCORE_LABELS.find((s) => s.score === answers.score)?.label.toLowerCase() ?? ''})`}. Your answers help us improve.
          </p>
          <BackToChat history={history} />
        </section>
      )}
    </main>
  );
}

interface ChoiceStepProps {
  name: string;
  question: string;
  hint?: string;
  headingRef: React.RefObject<HTMLHeadingElement>;
  options: { value: string; label: string }[];
  submitLabel: string;
  /** Said when Submit is pressed with nothing chosen. */
  missing: string;
  busy: boolean;
  error: string | null;
  onMissing(message: string): void;
  onSubmit(value: string): void;
}

/** One question: a radio group in a fieldset whose legend is the step's heading, its error in an alert region. */
function ChoiceStep({ name, question, hint, headingRef, options, submitLabel, missing, busy, error, onMissing, onSubmit }: ChoiceStepProps) {
  const [value, setValue] = useState<string | null>(null);
  const errorId = `survey-${name}-error`;
  const hintId = `survey-${name}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form
      className="survey__step"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (value === null) return onMissing(missing);
        onSubmit(value);
      }}
    >
      <fieldset className="survey__question" aria-describedby={describedBy}>
        <legend>
          <h2 ref={headingRef} tabIndex={-1}>
            {question}
          </h2>
        </legend>
        {hint && (
          <p className="hint" id={hintId}>
            {hint}
          </p>
        )}
        <div className="survey__options">
          {options.map((o) => (
            <label key={o.value} className="survey__option">
              <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => setValue(o.value)} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="survey__error" role="alert" id={errorId} data-testid="survey-error">
        {error}
      </div>
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid="survey-submit">
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
