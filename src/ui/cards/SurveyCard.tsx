import React from 'react';
import type { SurveyMessageAttributes } from '../../api/support-contract';
import type { ConversationMessage } from '../../domain/conversation';
import type { Viewer } from './LinkCard';

const day = (iso: string) => new Date(iso).toLocaleDateString();

/** What the survey message says the customer answered so far (the core updates it as they answer). */
function answersOf(a: Partial<SurveyMessageAttributes>): { solved?: boolean; score?: number } {
  const answers = a.answers ?? {};
  return { solved: typeof answers.solved === 'boolean' ? answers.solved : undefined, score: typeof answers.score === 'number' ? answers.score : undefined };
}

function agentSummary(solved: boolean | undefined, score: number | undefined, expired: boolean): string {
  if (solved === undefined && score === undefined) return expired ? 'Not answered; the survey link has expired.' : 'Not answered yet.';
  const parts = [solved === undefined ? 'Solved: not answered' : `Solved: ${solved ? 'yes' : 'no'}`, score === undefined ? 'no rating yet' : `Satisfaction: ${score} of 5`];
  return parts.join(' · ');
}

/**
 * The satisfaction survey in a chat: the customer gets the way to the survey page (the same link
 * as the message body) and "Thank you" once they answered; the agent sees the answers so far.
 */
export function SurveyCard({ message, viewer, now = new Date() }: { message: ConversationMessage; viewer: Viewer; now?: Date }) {
  const a = message.attributes as Partial<SurveyMessageAttributes>;
  if (!a.url) return <p className="message__body">{message.body}</p>;
  const { solved, score } = answersOf(a);
  const finished = score !== undefined && solved !== undefined;
  const expired = typeof a.expiresAt === 'string' && Date.parse(a.expiresAt) <= now.getTime();
  const state = finished ? 'answered' : expired ? 'expired' : 'open';

  if (viewer === 'agent') {
    return (
      <div className="card card--survey" data-testid="survey-card" data-state={state}>
        <p className="card__title">Satisfaction survey sent</p>
        <p className="card__meta" data-testid="survey-answers">
          {agentSummary(solved, score, expired)}
        </p>
      </div>
    );
  }
  return (
    <div className={`card card--survey${state === 'open' ? '' : ` card--${state}`}`} data-testid="survey-card" data-state={state}>
      <p className="card__title">{finished ? 'Thank you for your answers' : 'Did this solve your problem?'}</p>
      {state === 'open' && (
        <a className="card__link" data-testid="survey-link" href={a.url} target="_blank" rel="noopener">
          {solved === undefined && score === undefined ? 'Answer the survey' : 'Finish the survey'}
        </a>
      )}
      <p className="card__meta">{finished ? 'They help us improve.' : expired ? 'This survey has closed.' : a.expiresAt ? `Open until ${day(a.expiresAt)}.` : ''}</p>
    </div>
  );
}
