import { render, screen } from '@testing-library/react';
import React from 'react';
import { agentTemplate, type AgentTemplate } from '../../../domain/agent-templates';
import { TemplateChecklist } from './TemplateChecklist';

const troubleshooting = agentTemplate('troubleshooting') as AgentTemplate;
const states = () => screen.getAllByTestId('template-part').map((li) => li.getAttribute('data-state'));

describe('TemplateChecklist', () => {
  it('lists the parts in order with the current one marked in words and by aria-current, and its timer', () => {
    render(<TemplateChecklist template={troubleshooting} seconds={7} customerName="Jordan" />);
    expect(screen.getByRole('region', { name: 'Troubleshooting reply' })).toBeTruthy();
    const parts = screen.getAllByTestId('template-part');
    expect(parts[0].parentElement?.tagName).toBe('OL');
    expect(states()).toEqual(['done', 'current', 'upcoming', 'upcoming', 'upcoming']);
    expect(parts[0].textContent).toMatch(/^Done: Opening/);
    expect(parts[1].textContent).toMatch(/^Now: Context/);
    expect(parts[1].getAttribute('aria-current')).toBe('step');
    expect(parts[2].hasAttribute('aria-current')).toBe(false);
    expect(screen.getByTestId('template-part-timer').textContent?.trim()).toBe('0:08 left');
    expect(screen.getAllByTestId('template-part-timer')).toHaveLength(1);
  });

  it('addresses the opening line to the customer by name', () => {
    render(<TemplateChecklist template={troubleshooting} seconds={0} customerName="Jordan Lee" />);
    expect(screen.getByTestId('template-opening-line').textContent).toBe('Hi Jordan Lee, thanks for your patience. Let me show you how to fix this.');
  });

  it('announces a change of part, not each second', () => {
    const { rerender } = render(<TemplateChecklist template={troubleshooting} seconds={16} />);
    const live = screen.getByTestId('template-part-announcer');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Now: Solution');
    rerender(<TemplateChecklist template={troubleshooting} seconds={17} />);
    expect(live.textContent).toBe('Now: Solution');
    // The ticking timer sits outside any live region.
    expect(screen.getByTestId('template-part-timer').closest('[aria-live]')).toBeNull();
    rerender(<TemplateChecklist template={troubleshooting} seconds={106} />);
    expect(live.textContent).toBe('Now: Check it worked');
    expect(screen.getAllByRole('status')).toHaveLength(1);
  });

  it('says how the clip compares with the target, and how far the closing ran over', () => {
    const { rerender } = render(<TemplateChecklist template={troubleshooting} seconds={30} />);
    expect(screen.getByTestId('template-overall').textContent).toBe('0:30 recorded; aim for 1 to 3 minutes: under the target.');
    rerender(<TemplateChecklist template={troubleshooting} seconds={130} />);
    expect(screen.getByTestId('template-overall').getAttribute('data-standing')).toBe('within');
    expect(screen.getByTestId('template-part-timer').textContent?.trim()).toBe('0:10 over');
    expect(states()).toEqual(['done', 'done', 'done', 'done', 'current']);
    rerender(<TemplateChecklist template={troubleshooting} seconds={185} />);
    expect(screen.getByTestId('template-overall').textContent).toMatch(/over the target\.$/);
  });
});
