import '../../src/ui/test-support/media-env';
import * as Flex from '@twilio/flex-ui';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { fakeMedia } from '../../src/ui/test-support/fake-media';
import { FakeVideoClient } from '../../src/ui/test-support/fake-room';
import { registerVideoEscalation } from './register';

const mock = Flex as unknown as { __flex: { reset(): void; configuration: Record<string, unknown> } };
type Store = { Content: { render(props: Record<string, unknown>): React.ReactElement[]; fragments: unknown[] } };
const store = (name: 'SideNav' | 'ViewCollection') => (Flex as unknown as Record<string, Store>)[name].Content;
const FUNCTIONS = 'https://video-escalation-1234-dev.twil.io';

/** The Functions at the HTTP boundary: every request as sent; `failing` answers 503. */
function setupAs(roles: string[], failing = false) {
  mock.__flex.reset();
  (mock.__flex as unknown as { user: unknown }).user = { identity: 'sam', token: 'flex-token-1', roles };
  mock.__flex.configuration = { custom_data: { features: { video_escalation: { enabled: true, functions_base_url: FUNCTIONS } } } };
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(url), body: JSON.parse(String(init?.body ?? '{}')) });
    // Flex's mock renders every view at once: the library and live calls ask too.
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
  registerVideoEscalation(Flex, Flex.Manager.getInstance(), { clientFor: () => new FakeVideoClient(), media: fakeMedia(), fetchImpl });
  return requests;
}

const task = (attributes: Record<string, unknown>) => ({ sid: 'WR1', taskSid: 'WT1', taskStatus: 'wrapping', attributes });

describe('closing the conversation when its task completes', () => {
  it('after CompleteTask, POSTs /close-conversation with the conversation, source task_completed and the Flex token', async () => {
    const requests = setupAs(['agent']);
    await Flex.Actions.invokeAction('CompleteTask', { task: task({ conversationSid: 'CH1' }) });
    expect(requests).toEqual([{ url: `${FUNCTIONS}/close-conversation`, body: { conversationId: 'CH1', source: 'task_completed', Token: 'flex-token-1' } }]);
  });

  it('does nothing for a task without a conversation, and a failing close never fails the completion', async () => {
    const requests = setupAs(['agent']);
    await Flex.Actions.invokeAction('CompleteTask', { task: task({ from: '+15550100' }) });
    expect(requests).toEqual([]);
    const failing = setupAs(['agent'], true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(Flex.Actions.invokeAction('CompleteTask', { task: task({ conversationSid: 'CH2' }) })).resolves.toBeUndefined();
    expect(failing.map((r) => r.body.conversationId)).toEqual(['CH2']);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('runs only after the completion: a cancelled CompleteTask closes nothing', async () => {
    const requests = setupAs(['agent']);
    Flex.Actions.addListener('beforeCompleteTask', (_p: unknown, abort: () => void) => abort());
    await expect(Flex.Actions.invokeAction('CompleteTask', { task: task({ conversationSid: 'CH1' }) })).rejects.toThrow('cancelled');
    expect(requests).toEqual([]);
  });
});

describe('the privacy view in Flex', () => {
  afterEach(cleanup);

  it('is not offered to agents', () => {
    setupAs(['agent']);
    expect(store('SideNav').fragments).toHaveLength(0);
    expect(store('ViewCollection').fragments).toHaveLength(0);
  });

  it('gives supervisors a "Privacy" side-nav entry and a view that asks the Functions with the Flex token', async () => {
    const requests = setupAs(['supervisor']);
    const navigated: unknown[] = [];
    Flex.Actions.addListener('beforeNavigateToView', (payload: unknown) => void navigated.push(payload));
    render(<>{store('SideNav').render({ activeView: 'agent-desktop' })}</>);
    fireEvent.click(screen.getByRole('button', { name: 'Privacy' }));
    await waitFor(() => expect(navigated).toEqual([{ viewName: 'video-escalation-privacy' }]));
    cleanup();
    const { container } = render(<>{store('ViewCollection').render({})}</>);
    const view = container.querySelector('[data-flex-view="video-escalation-privacy"]') as HTMLElement;
    expect(view).toBeTruthy();
    expect(view.querySelector('h1')?.textContent).toBe('Privacy');
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
    const { container } = render(<>{store('ViewCollection').render({})}</>);
    const view = container.querySelector('[data-flex-view="video-escalation-privacy"]') as HTMLElement;
    fireEvent.change(within(view).getByLabelText('Customer name or conversation id'), { target: { value: 'Jordan' } });
    fireEvent.click(within(view).getByRole('button', { name: 'Find' }));
    fireEvent.click(await within(view).findByTestId('found-conversation'));
    expect(requests.find((r) => r.url === `${FUNCTIONS}/find-conversations`)?.body).toEqual({ query: 'Jordan', Token: 'flex-token-1' });
    await waitFor(() => expect(requests.find((r) => r.url === `${FUNCTIONS}/legal-hold`)?.body).toEqual({ conversationId: 'CH1', action: 'get', Token: 'flex-token-1' }));
  });
});
