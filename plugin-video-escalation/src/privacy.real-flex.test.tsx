import * as Flex from '@twilio/flex-ui';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { fakeMedia } from '../../src/ui/test-support/fake-media';
import { FakeVideoClient } from '../../src/ui/test-support/fake-room';
import { fakeManager, FlexContent, flexRecord, FlexViews, resetFlex, type FakeManager } from '../test-support/offline-flex';
import { registerVideoEscalation } from './register';

// On the real @twilio/flex-ui 2.17.1; only the Manager is a stand-in (test-support/offline-flex.tsx).
let manager: FakeManager;
const FUNCTIONS = 'https://video-escalation-1234-dev.twil.io';

/** The Functions at the HTTP boundary: every request as sent; `failing` answers 503. */
function setupAs(roles: string[], failing = false) {
  resetFlex();
  manager = fakeManager({ identity: 'sam', token: 'flex-token-1', roles }, { custom_data: { features: { video_escalation: { enabled: true, functions_base_url: FUNCTIONS } } } });
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(url), body: JSON.parse(String(init?.body ?? '{}')) });
    const answer = String(url).endsWith('/recordings')
      ? { items: [] }
      : String(url).endsWith('/live-calls')
        ? { calls: [] }
        : String(url).endsWith('/audit-log')
          ? { entries: [] }
        : String(url).endsWith('/find-conversations')
          ? { conversations: [{ conversationId: 'CH1', customerName: 'Jordan Lee', agentName: 'Sam', startedAt: '2026-11-21T09:00:00.000Z', closed: false, onHold: false }], more: false }
        : String(url).endsWith('/storage-usage')
      ? { pricePerGbMonthUsd: 0.023, months: [{ month: '2026-11', recordings: 2, bytes: 5_000_000, estimatedMonthlyCostUsd: 0.000115 }], totalBytes: 5_000_000, totalEstimatedMonthlyCostUsd: 0.000115, budgetUsdMonth: 100 }
      : { conversationId: 'CH1', closedAt: '2026-11-21T10:00:00.000Z', source: 'task_completed', onHold: false };
    return { ok: !failing, status: failing ? 503 : 200, json: async () => answer } as unknown as Response;
  });
  registerVideoEscalation(Flex, manager as FakeManager & Flex.Manager, { clientFor: () => new FakeVideoClient(), media: fakeMedia(), fetchImpl });
  return requests;
}

/** Flex's NavigateToView, then its ViewCollection at the URL it went to. */
async function openView(viewName: string) {
  await Flex.Actions.invokeAction('NavigateToView', { viewName });
  return render(<FlexViews manager={manager} path={window.location.pathname} />);
}

const task = (attributes: Record<string, unknown>) => ({ sid: 'WR1', taskSid: 'WT1', taskStatus: 'wrapping', attributes });

describe('closing the conversation when its task completes', () => {
  it('after CompleteTask, POSTs /close-conversation with the conversation, source task_completed and the Flex token', async () => {
    const requests = setupAs(['agent']);
    await Flex.Actions.invokeAction('CompleteTask', { task: task({ conversationSid: 'CH1' }) });
    expect(flexRecord.ran).toEqual(['CompleteTask']);
    expect(requests.filter((r) => r.url.endsWith('/close-conversation'))).toEqual([{ url: `${FUNCTIONS}/close-conversation`, body: { conversationId: 'CH1', source: 'task_completed', Token: 'flex-token-1' } }]);
  });

  it('does nothing for a task without a conversation, and a failing close never fails the completion', async () => {
    const requests = setupAs(['agent']);
    await Flex.Actions.invokeAction('CompleteTask', { task: task({ from: '+15550100' }) });
    expect(requests).toEqual([]);
    const failing = setupAs(['agent'], true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(Flex.Actions.invokeAction('CompleteTask', { task: task({ conversationSid: 'CH2' }) })).resolves.toBeUndefined();
    expect(failing.filter((r) => r.url.endsWith('/close-conversation')).map((r) => r.body.conversationId)).toEqual(['CH2']);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('runs only after the completion: a cancelled CompleteTask closes nothing', async () => {
    const requests = setupAs(['agent']);
    Flex.Actions.addListener('beforeCompleteTask', (_p: unknown, abort: () => void) => abort());
    await expect(Flex.Actions.invokeAction('CompleteTask', { task: task({ conversationSid: 'CH1' }) })).rejects.toThrow('cancelled');
    expect(requests.filter((r) => r.url.endsWith('/close-conversation'))).toEqual([]);
  });
});

describe('the privacy view in Flex', () => {
  afterEach(cleanup);

  it('is not offered to agents', () => {
    setupAs(['agent']);
    expect(flexRecord.added.SideNav).toEqual([]);
    expect(flexRecord.added.ViewCollection).toEqual([]);
  });

  it('gives supervisors a "Privacy" side-nav entry and a view that asks the Functions with the Flex token', async () => {
    const requests = setupAs(['supervisor']);
    const navigated: unknown[] = [];
    Flex.Actions.addListener('afterNavigateToView', (payload: unknown) => void navigated.push(payload));
    render(<FlexContent manager={manager} name="SideNav" props={{ activeView: 'agent-desktop' }} />);
    fireEvent.click(screen.getByRole('link', { name: 'Privacy' }));
    await waitFor(() => expect(navigated).toEqual([{ viewName: 'video-escalation-privacy' }]));
    cleanup();
    render(<FlexViews manager={manager} path={window.location.pathname} />);
    const view = screen.getByRole('heading', { level: 1, name: 'Privacy' }).closest('.Twilio-View') as HTMLElement;
    expect(view).toBeTruthy();
    await waitFor(() => expect(view.querySelector('[data-testid="storage-month"]')?.textContent).toContain('5.00 MB'));
    expect(requests.find((r) => r.url === `${FUNCTIONS}/storage-usage`)?.body).toEqual({ Token: 'flex-token-1' });
    expect(view.querySelector('[data-testid="erase-panel"]')).toBeTruthy();
    // The audit log loads too, with the same token, and shows no error.
    await waitFor(() => expect(view.querySelector('[data-testid="audit-empty"]')).toBeTruthy());
    expect(requests.find((r) => r.url === `${FUNCTIONS}/audit-log`)?.body).toMatchObject({ Token: 'flex-token-1' });
    expect(view.querySelector('[role="alert"]')).toBeNull();
  });

  it("finds a conversation by its customer's name through the Functions, with the Flex token, and opens its legal hold", async () => {
    const requests = setupAs(['supervisor']);
    await openView('video-escalation-privacy');
    const view = screen.getByRole('heading', { level: 1, name: 'Privacy' }).closest('.Twilio-View') as HTMLElement;
    fireEvent.change(within(view).getByLabelText('Customer name or conversation id'), { target: { value: 'Jordan' } });
    fireEvent.click(within(view).getByRole('button', { name: 'Find' }));
    fireEvent.click(await within(view).findByTestId('found-conversation'));
    expect(requests.find((r) => r.url === `${FUNCTIONS}/find-conversations`)?.body).toEqual({ query: 'Jordan', Token: 'flex-token-1' });
    await waitFor(() => expect(requests.find((r) => r.url === `${FUNCTIONS}/legal-hold`)?.body).toEqual({ conversationId: 'CH1', action: 'get', Token: 'flex-token-1' }));
  });
});
