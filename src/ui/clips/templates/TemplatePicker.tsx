import React from 'react';
import { AGENT_TEMPLATES, type AgentTemplateId } from '../../../domain/agent-templates';
import { useFieldIds } from '../../hooks/useFieldIds';
import { targetLengthText } from './target-length';

export interface TemplatePickerProps {
  /** The chosen template, or null to record without one. */
  value: AgentTemplateId | null;
  onChange(id: AgentTemplateId | null): void;
}

const CHOICES: ReadonlyArray<{ id: AgentTemplateId | null; key: string; title: string; hint: string }> = [
  { id: null, key: 'none', title: 'No template', hint: 'Record freely, without a checklist.' },
  ...AGENT_TEMPLATES.map((t) => ({ id: t.id, key: t.id, title: t.title, hint: `Aim for ${targetLengthText(t)}: ${t.parts.map((p) => p.label.toLowerCase()).join(', ')}.` })),
];

/**
 * Before recording, an agent picks the reply template for their use case (#22); the recorder then
 * shows its parts as a checklist. Radio buttons: arrow keys move between them.
 */
export function TemplatePicker({ value, onChange }: TemplatePickerProps) {
  const ids = useFieldIds('template');
  return (
    <fieldset className="vx-clip__templates" data-testid="template-picker">
      <legend>Reply template</legend>
      {CHOICES.map((c) => (
        <div className="vx-clip__mode" key={c.key}>
          <input
            type="radio"
            id={`${ids}-${c.key}`}
            name={ids}
            value={c.key}
            data-testid={`template-option-${c.key}`}
            checked={value === c.id}
            onChange={() => onChange(c.id)}
            aria-describedby={`${ids}-${c.key}-hint`}
          />
          <label htmlFor={`${ids}-${c.key}`}>{c.title}</label>
          <span className="vx-clip__hint" id={`${ids}-${c.key}-hint`}>
            {c.hint}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
