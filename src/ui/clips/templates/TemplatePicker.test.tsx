import { fireEvent, render, screen } from '@testing-library/react';
import React, { useState } from 'react';
import type { AgentTemplateId } from '../../../domain/agent-templates';
import { TemplatePicker } from './TemplatePicker';

function Host({ onChange }: { onChange(id: AgentTemplateId | null): void }) {
  const [value, setValue] = useState<AgentTemplateId | null>(null);
  return (
    <TemplatePicker
      value={value}
      onChange={(id) => {
        setValue(id);
        onChange(id);
      }}
    />
  );
}

describe('TemplatePicker', () => {
  it('offers no template and the five use cases as labelled radio buttons, each with its target length', () => {
    render(<Host onChange={() => undefined} />);
    const group = screen.getByRole('group', { name: 'Reply template' });
    const radios = screen.getAllByRole('radio');
    expect(group.contains(radios[0])).toBe(true);
    expect(radios.map((r) => ((r as HTMLInputElement).labels?.[0]?.textContent ?? ''))).toEqual([
      'No template',
      'Troubleshooting',
      'Feature explanation',
      'Setup',
      'Error resolution',
      'Account configuration',
    ]);
    expect((screen.getByRole('radio', { name: 'No template' }) as HTMLInputElement).checked).toBe(true);
    const troubleshooting = screen.getByRole('radio', { name: 'Troubleshooting' });
    const hint = document.getElementById(troubleshooting.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('Aim for 1 to 3 minutes: opening, context, solution, check it worked, closing.');
    // One group: all radios share a name, so the arrow keys move between them.
    expect(new Set(radios.map((r) => r.getAttribute('name'))).size).toBe(1);
  });

  it('tells the host which template was chosen, and back to none', () => {
    const onChange = jest.fn();
    render(<Host onChange={onChange} />);
    fireEvent.click(screen.getByLabelText('Error resolution'));
    expect(onChange).toHaveBeenLastCalledWith('error-resolution');
    expect((screen.getByTestId('template-option-error-resolution') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByTestId('template-option-none'));
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('keeps two pickers on one page apart', () => {
    render(
      <>
        <TemplatePicker value="setup" onChange={() => undefined} />
        <TemplatePicker value={null} onChange={() => undefined} />
      </>,
    );
    const names = new Set(screen.getAllByRole('radio').map((r) => r.getAttribute('name')));
    expect(names.size).toBe(2);
    expect(screen.getAllByRole('radio', { name: 'Setup' }).map((r) => (r as HTMLInputElement).checked)).toEqual([true, false]);
  });
});
