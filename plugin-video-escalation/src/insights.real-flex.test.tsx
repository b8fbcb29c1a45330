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

const report = {
  filter: {},
  metrics: [
    { key: 'tickets', label: 'Tickets', unit: 'count', value: 3 },
    { key: 'resolution_rate', label: 'Resolution rate', unit: 'ratio', value: 0.9, video: 1, text: 0.5, target: { direction: 'min', value: 0.88 } },
  ],
  monthly: [{ month: '2026-11', customerClips: 2, agentClips: 1, calls: 1, tickets: 3, videoTickets: 2 }],
  agents: ['sam'],
  teams: [],
};

/** The Functions at the HTTP boundary: every request as sent. */
function setupAs(roles: string[]) {
  resetFlex();
  manager = fakeManager({ identity: 'sue', token: 'flex-token-1', roles }, { custom_data: { features: { video_escalation: { enabled: true, functions_base_url: FUNCTIONS } } } });
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    requests.push({ url: String(url), body: JSON.parse(String(init?.body ?? '{}')) });
    const answer = String(url).endsWith('/insights') ? report : String(url).endsWith('/recordings') ? { items: [] } : {};
    return { ok: true, status: 200, json: async () => answer } as unknown as Response;
  });
  registerVideoEscalation(Flex, manager as FakeManager & Flex.Manager, { clientFor: () => new FakeVideoClient(), media: fakeMedia(), fetchImpl });
  return requests;
}

describe('the video insights view in Flex', () => {
  afterEach(cleanup);

  it('is not offered to agents', () => {
    setupAs(['agent']);
    expect(flexRecord.added.ViewCollection).toEqual([]);
    expect(flexRecord.added.SideNav).toEqual([]);
  });

  it('gives supervisors a "Video insights" side-nav entry opening the dashboard, which asks /insights with the Flex token', async () => {
    const requests = setupAs(['supervisor']);
    const navigated: unknown[] = [];
    Flex.Actions.addListener('afterNavigateToView', (payload: unknown) => void navigated.push(payload));
    render(<FlexContent manager={manager} name="SideNav" props={{ activeView: 'agent-desktop', showLabel: false }} />);
    fireEvent.click(screen.getByRole('link', { name: 'Video insights' }));
    await waitFor(() => expect(navigated).toEqual([{ viewName: 'video-escalation-insights' }]));
    cleanup();
    render(<FlexViews manager={manager} path={window.location.pathname} />);
    const view = screen.getByRole('heading', { level: 1, name: 'Video insights' }).closest('.Twilio-View') as HTMLElement;
    await waitFor(() => expect(within(view).getByTestId('insights-results').getAttribute('aria-busy')).toBe('false'));
    const insights = requests.find((r) => r.url === `${FUNCTIONS}/insights`);
    expect(insights?.body).toEqual({ from: expect.stringMatching(/T00:00:00.000Z$/), to: expect.stringMatching(/T00:00:00.000Z$/), Token: 'flex-token-1' });
    expect(within(view).getByRole('table', { name: 'Clips, calls and tickets per month (UTC)' })).toBeTruthy();
    expect(view.querySelector('[data-metric="resolution_rate"] [data-testid="metric-target"]')?.textContent).toBe('Target at least 88%: Target met');
    expect(view.querySelector('[role="alert"]')).toBeNull();
  });
});
