import { render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { InsightsApp } from './InsightsApp';

describe('the local video insights page', () => {
  it('signs in as the supervisor and asks for the report with that token', async () => {
    const requests: { url: string; body: Record<string, unknown> }[] = [];
    const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      requests.push({ url: String(url), body });
      const answer =
        String(url) === '/api/local/sign-in'
          ? { token: 'tok-supervisor', identity: 'sue', name: 'Sue', roles: ['supervisor'] }
          : { filter: body, metrics: [{ key: 'tickets', label: 'Tickets', unit: 'count', value: 0 }], monthly: [], agents: [], teams: [] };
      return { ok: true, status: 200, json: async () => answer } as unknown as Response;
    });
    render(<InsightsApp fetchImpl={fetchImpl} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Video insights' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('insights-empty')).toBeTruthy());
    expect(requests.map((r) => r.url)).toEqual(['/api/local/sign-in', '/insights']);
    expect(requests[0].body).toEqual({ role: 'supervisor' });
    expect(requests[1].body).toEqual({ from: expect.any(String), to: expect.any(String), Token: 'tok-supervisor' });
    expect(screen.getByTestId('signed-in-as').textContent).toBe('Signed in as Sue');
  });
});
