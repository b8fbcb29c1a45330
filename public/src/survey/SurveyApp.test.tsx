import { act, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import React from 'react';
import type { SurveyAnswers, SurveyView } from '../../../src/api/support-contract';
import { ApiError, type SurveyApi } from '../../../src/ui/api/survey-api';
import type { BrowserHistory } from '../join/BackToChat';
import { SurveyApp } from './SurveyApp';

async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

const history: BrowserHistory = { canGoBack: () => true, back: jest.fn(), close: () => false };
const view = (answers: Partial<SurveyAnswers> = {}): SurveyView => ({
  answers: { solved: null, score: null, ...answers },
  agentName: 'Alex',
  askedAt: '2026-11-21T10:00:00.000Z',
  expiresAt: '2026-11-28T10:00:00.000Z',
});

/** A survey Function that stores answers once, as the real one does. */
function fakeApi(opened: SurveyView | ApiError = view()) {
  let stored: SurveyAnswers = opened instanceof ApiError ? { solved: null, score: null } : { ...opened.answers };
  return {
    open: jest.fn(async (_timeZone?: string) => {
      if (opened instanceof ApiError) throw opened;
      return { ...opened, answers: stored };
    }),
    answer: jest.fn(async (a: { solved?: boolean; score?: number }) => {
      const kept: ('solved' | 'score')[] = [];
      if (a.solved !== undefined) {
        if (stored.solved === null) stored = { ...stored, solved: a.solved };
        else kept.push('solved');
      }
      if (a.score !== undefined) {
        if (stored.score === null) stored = { ...stored, score: a.score };
        else kept.push('score');
      }
      return { ...view(), answers: stored, kept };
    }),
  } satisfies SurveyApi;
}

const focusedText = () => document.activeElement?.textContent;

/** WCAG checks in jsdom (contrast needs layout: the e2e suite checks it in Chromium). */
async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('SurveyApp', () => {
  it('asks "Did this solve your problem?", then the 1–5 rating, then thanks, moving focus to each step’s heading', async () => {
    const api = fakeApi();
    render(<SurveyApp api={api} timeZone="Europe/Paris" history={history} />);
    await settle();
    expect(api.open).toHaveBeenCalledWith('Europe/Paris');
    expect(focusedText()).toBe('Quick survey');
    expect(screen.getByText(/About your chat with Alex on/)).toBeTruthy();

    const solved = screen.getByRole('group', { name: 'Did this solve your problem?' });
    expect(within(solved).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Yes', 'No']);
    fireEvent.click(within(solved).getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await settle();
    expect(api.answer).toHaveBeenLastCalledWith({ solved: true });
    expect(focusedText()).toBe('How satisfied are you?');

    const score = screen.getByRole('group', { name: 'How satisfied are you?' });
    expect(within(score).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      '1 – Very dissatisfied',
      '2 – Dissatisfied',
      '3 – Neither satisfied nor dissatisfied',
      '4 – Satisfied',
      '5 – Very satisfied',
    ]);
    fireEvent.click(within(score).getByRole('radio', { name: '4 – Satisfied' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await settle();
    expect(api.answer).toHaveBeenLastCalledWith({ score: 4 });
    expect(focusedText()).toBe('Thank you');
    expect(screen.getByTestId('survey-summary').textContent).toMatch(/solved and rated your satisfaction 4 out of 5 \(satisfied\)/);
    expect(screen.getByTestId('back-to-chat')).toBeTruthy();
  });

  it('says in the alert region what is missing when Submit is pressed with nothing chosen, and sends nothing', async () => {
    const api = fakeApi();
    render(<SurveyApp api={api} history={history} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose Yes or No first.');
    expect(screen.getByRole('group', { name: 'Did this solve your problem?' }).getAttribute('aria-describedby')).toBe('survey-solved-error');
    expect(api.answer).not.toHaveBeenCalled();
  });

  it('after "No" says the chat stays open, and still asks for the rating', async () => {
    const api = fakeApi();
    render(<SurveyApp api={api} history={history} />);
    await settle();
    fireEvent.click(screen.getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await settle();
    expect(screen.getByText(/You can reply in your chat/)).toBeTruthy();
    expect(screen.getByRole('group', { name: 'How satisfied are you?' })).toBeTruthy();
  });

  it('resumes where the ticket’s answers stand, and thanks at once when both are given', async () => {
    render(<SurveyApp api={fakeApi(view({ solved: true }))} history={history} />);
    await settle();
    expect(screen.getByTestId('survey-page').getAttribute('data-step')).toBe('score');
    expect(screen.queryByRole('group', { name: 'Did this solve your problem?' })).toBeNull();

    render(<SurveyApp api={fakeApi(view({ solved: false, score: 2 }))} history={history} />);
    await settle();
    expect(screen.getByRole('heading', { name: 'Thank you' })).toBeTruthy();
  });

  it('shows the answers kept from before when the survey was answered elsewhere meanwhile', async () => {
    const api = fakeApi();
    render(<SurveyApp api={api} history={history} />);
    await settle();
    await act(async () => void (await api.answer({ solved: true }))); // another tab answered first
    fireEvent.click(screen.getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await settle();
    expect(screen.getByTestId('survey-notice').textContent).toMatch(/kept your first answer/);
    expect(screen.queryByText(/You can reply in your chat/)).toBeNull();
  });

  it('keeps the step and explains a failed save in the alert region; trying again works', async () => {
    const api = fakeApi();
    api.answer.mockRejectedValueOnce(new ApiError('network', 'offline', 0));
    render(<SurveyApp api={api} history={history} />);
    await settle();
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toMatch(/could not reach the server/);
    expect((screen.getByRole('radio', { name: 'Yes' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await settle();
    expect(screen.getByRole('group', { name: 'How satisfied are you?' })).toBeTruthy();
  });

  it('explains an expired link, on opening and when it lapses before an answer', async () => {
    render(<SurveyApp api={fakeApi(new ApiError('link_expired', 'This survey link has expired.', 401))} history={history} />);
    await settle();
    expect(screen.getByTestId('error-title').textContent).toBe('This survey has closed');
    expect(screen.queryByTestId('retry-button')).toBeNull();

    const api = fakeApi();
    api.answer.mockRejectedValueOnce(new ApiError('link_expired', 'This survey link has expired.', 401));
    render(<SurveyApp api={api} history={history} />);
    await settle();
    fireEvent.click(screen.getAllByRole('radio', { name: 'Yes' })[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await settle();
    expect(screen.getAllByTestId('error-title').map((h) => h.textContent)).toEqual(['This survey has closed', 'This survey has closed']);
  });

  it('is axe-clean at every step: each question, an error shown, the thank-you and an expired link', async () => {
    const api = fakeApi();
    const { container, unmount } = render(<SurveyApp api={api} history={history} />);
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await settle();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('radio', { name: '5 – Very satisfied' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await settle();
    expect(screen.getByRole('heading', { name: 'Thank you' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
    unmount(); // one page, one main landmark

    const expired = render(<SurveyApp api={fakeApi(new ApiError('link_expired', 'expired', 401))} history={history} />);
    await settle();
    expect(await axeViolations(expired.container)).toEqual([]);
  });

  it('says the link is incomplete when the page was opened without one', async () => {
    render(<SurveyApp api={null} history={history} />);
    await settle();
    expect(screen.getByTestId('error-title').textContent).toBe('This link is incomplete');
  });
});
