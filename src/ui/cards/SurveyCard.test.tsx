import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { SurveyCard } from './SurveyCard';

const now = new Date('2026-11-21T12:00:00Z');
const url = 'http://127.0.0.1:3000/survey.html#t=abc.def.ghi';
const survey = (answers?: { solved?: boolean; score?: number }, expiresAt = '2026-11-28T10:00:00.000Z'): ConversationMessage => ({
  id: 'M1',
  conversationId: 'CH1',
  author: 'Alex',
  body: `Thanks for contacting us. Did this solve your problem? Tell us here: ${url}`,
  attributes: { type: 'support-survey', surveyId: 'L1', url, expiresAt, idempotencyKey: 'survey:SE1', agentName: 'Alex', ...(answers ? { answers } : {}) },
  createdAt: '2026-11-21T10:00:00.000Z',
});

describe('SurveyCard', () => {
  it('offers the customer the survey page, by the same link as the message body', async () => {
    const { container } = render(<SurveyCard message={survey()} viewer="customer" now={now} />);
    const link = screen.getByRole('link', { name: 'Answer the survey' });
    expect(link.getAttribute('href')).toBe(url);
    expect(screen.getByText('Did this solve your problem?')).toBeTruthy();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('asks to finish a half-answered survey, thanks once both answers are in, and says when it closed', () => {
    render(<SurveyCard message={survey({ solved: true })} viewer="customer" now={now} />);
    expect(screen.getByRole('link', { name: 'Finish the survey' })).toBeTruthy();

    render(<SurveyCard message={survey({ solved: true, score: 5 })} viewer="customer" now={now} />);
    expect(screen.getByText('Thank you for your answers')).toBeTruthy();

    render(<SurveyCard message={survey(undefined, '2026-11-21T11:00:00.000Z')} viewer="customer" now={now} />);
    expect(screen.getByText('This survey has closed.')).toBeTruthy();
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual(['Finish the survey']);
  });

  it('shows the agent the answers so far, and no link', () => {
    render(<SurveyCard message={survey()} viewer="agent" now={now} />);
    render(<SurveyCard message={survey({ solved: false, score: 2 })} viewer="agent" now={now} />);
    expect(screen.getAllByTestId('survey-answers').map((p) => p.textContent)).toEqual(['Not answered yet.', 'Solved: no · Satisfaction: 2 of 5']);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
