import React from 'react';
import { templateTimeline, withCustomerName, type AgentTemplate, type TargetStanding } from '../../../domain/agent-templates';
import { useFieldIds } from '../../hooks/useFieldIds';
import { clockText, targetLengthText } from './target-length';

export interface TemplateChecklistProps {
  template: AgentTemplate;
  /** Seconds recorded so far (pauses excluded): the recorder's own timer. */
  seconds: number;
  /** Filled into the opening line. */
  customerName?: string;
}

const STANDING_TEXT: Record<TargetStanding, string> = {
  under: 'under the target',
  within: 'within the target',
  over: 'over the target',
};

/**
 * Beside the recording: the template's parts in order, the one to say now marked in words (not
 * colour alone) with its own timer, and the opening line addressed to the customer. Only a change
 * of part is announced; the timers are read when the agent looks, never every second.
 */
export function TemplateChecklist({ template, seconds, customerName }: TemplateChecklistProps) {
  const ids = useFieldIds('template-checklist');
  const now = templateTimeline(template, seconds);
  const left = now.partSecondsLeft;
  return (
    <section className="vx-clip__checklist" aria-labelledby={`${ids}-title`} data-testid="template-checklist" data-template={template.id}>
      <h3 className="vx-clip__checklist-title" id={`${ids}-title`}>
        {template.title} reply
      </h3>
      <p className="vx-visually-hidden" role="status" aria-live="polite" data-testid="template-part-announcer">
        Now: {now.part.label}
      </p>
      <ol className="vx-clip__checklist-parts">
        {template.parts.map((part, i) => {
          const state = i < now.partIndex ? 'done' : i === now.partIndex ? 'current' : 'upcoming';
          return (
            <li key={part.key} data-testid="template-part" data-part={part.key} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              <strong>
                {state === 'done' ? 'Done: ' : state === 'current' ? 'Now: ' : ''}
                {part.label}
              </strong>{' '}
              <span className="vx-clip__hint">(about {part.targetSeconds} s)</span>
              {state === 'current' && (
                <span className="vx-clip__checklist-timer" data-testid="template-part-timer">
                  {' '}
                  {left >= 0 ? `${clockText(Math.ceil(left))} left` : `${clockText(-left)} over`}
                </span>
              )}
              <br />
              <span className="vx-clip__hint" data-testid={part.key === 'opening' ? 'template-opening-line' : undefined}>
                {part.key === 'opening' ? withCustomerName(part.line, customerName) : part.line}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="vx-clip__hint" data-testid="template-overall" data-standing={now.standing}>
        {clockText(seconds)} recorded; aim for {targetLengthText(template)}: {STANDING_TEXT[now.standing]}.
      </p>
    </section>
  );
}
