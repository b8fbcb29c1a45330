import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import React from 'react';
import type { PrivacyApi } from '../../../ui/api/privacy-api';
import { PrivacyView } from '../../../ui/privacy/PrivacyView';

const root = join(__dirname, '../../../..');
/** Where the stack serves each stylesheet from: /ui.css is the shared UI's own, the rest are the local pages'. */
const cssFile = (href: string) => (href === '/ui.css' ? join(root, 'src/ui/ui.css') : join(__dirname, href));

/** The stylesheets the privacy page links (scripts/html-pages.json), parsed into this document, as their plain style rules. */
function linkedRules(): CSSStyleRule[] {
  const { pages } = JSON.parse(readFileSync(join(root, 'scripts/html-pages.json'), 'utf8')) as { pages: { out: string; styles: string[] }[] };
  const hrefs = pages.find((p) => p.out === 'local/privacy.html')?.styles ?? [];
  expect(hrefs).toContain('/ui.css');
  for (const href of hrefs) {
    const style = document.createElement('style');
    style.textContent = readFileSync(cssFile(href), 'utf8');
    document.head.append(style);
  }
  return [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].filter((r): r is CSSStyleRule => 'selectorText' in r));
}

const matches = (el: Element, selector: string): boolean => {
  try {
    return el.matches(selector);
  } catch {
    return false; // a pseudo-class jsdom does not know (:focus-visible): not a style for the resting state
  }
};

const api: PrivacyApi = {
  erase: async () => ({ dryRun: true, counts: { conversations: 1, recordings: 1, mediaFiles: 1, transcripts: 0, messages: 0, linkTokens: 0, clipViews: 0 } }),
  storageUsage: async () => ({ pricePerGbMonthUsd: 0.023, months: [], totalBytes: 0, totalEstimatedMonthlyCostUsd: 0, budgetUsdMonth: 100 }),
  auditLog: async () => ({ entries: [] }),
  setHold: async (conversationId) => ({ conversationId, hold: null }),
  liftHold: async (conversationId) => ({ conversationId, hold: null }),
  getHold: async (conversationId) => ({ conversationId, hold: null }),
  findConversations: async () => ({
    conversations: [{ conversationId: 'CH1', customerName: 'Jordan Lee', agentName: 'Alex', startedAt: '2026-11-21T09:00:00.000Z', closed: false, onHold: false }],
    more: false,
  }),
};

/** #23: the Privacy page looked unstyled (bare inputs, tables styled only on the monitor page) beside the other staff pages. */
describe('the privacy page is styled like the other staff pages', () => {
  it('every class it renders, and every field, button and table, is styled by a stylesheet privacy.html links', async () => {
    const rules = linkedRules();
    const { container } = render(<PrivacyView api={api} />);
    await waitFor(() => expect(container.querySelectorAll('table')).toHaveLength(2));
    // Everything a supervisor brings up: a result picked, its hold form, the erasure's counts and its confirmation.
    fireEvent.change(screen.getByLabelText('Customer name or conversation id'), { target: { value: 'jordan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.click(await screen.findByTestId('found-conversation'));
    await screen.findByLabelText('Reason for the hold (required)');
    fireEvent.click(screen.getByRole('button', { name: 'Count what would be erased' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Erase 1 items' }));
    const classes = new Set([...container.querySelectorAll('[class]')].flatMap((el) => [...el.classList]));
    const unstyled = [...classes].filter((c) => !rules.some((r) => new RegExp(`\\.${c}(?![\\w-])`).test(r.selectorText)));
    expect(unstyled).toEqual([]);
    const bare = [...container.querySelectorAll('input:not([type="radio"]), textarea, button, table, section')].filter(
      (el) => !rules.some((r) => matches(el, r.selectorText)),
    );
    expect(bare.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  });
});
