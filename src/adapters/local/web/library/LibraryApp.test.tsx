import { render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { LibraryApp, roleFromQuery } from './LibraryApp';

/** The local stack at the HTTP boundary: sign-in and the library Functions, every request kept. */
function stack() {
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    requests.push({ url: String(url), body });
    const answer =
      String(url) === '/api/local/sign-in'
        ? { token: `tok-${body.role}`, identity: 'agent-1', name: body.role === 'supervisor' ? 'Supervisor' : 'Alex', roles: [body.role] }
        : { items: [] };
    return { ok: true, status: 200, json: async () => answer } as unknown as Response;
  });
  return { requests, fetchImpl };
}

describe('the local library page', () => {
  it('signs in as the agent by default and says so; the library asks with that token', async () => {
    const { requests, fetchImpl } = stack();
    render(<LibraryApp search="" fetchImpl={fetchImpl} />);
    await waitFor(() => expect(screen.getByTestId('signed-in-as').textContent).toBe('Signed in as Alex, role: agent'));
    await waitFor(() => expect(requests.map((r) => r.url)).toEqual(['/api/local/sign-in', '/recordings']));
    expect(requests[0].body).toEqual({ role: 'agent' });
    expect(requests[1].body).toEqual({ Token: 'tok-agent' });
    expect(screen.getByTestId('library-scope').textContent).toBe('You see your own calls and clips.');
    expect(screen.getByRole('link', { name: 'View as supervisor' }).getAttribute('href')).toBe('/library.html?role=supervisor');
  });

  it('signs in as the supervisor with ?role=supervisor', async () => {
    const { requests, fetchImpl } = stack();
    render(<LibraryApp search="?role=supervisor" fetchImpl={fetchImpl} />);
    await waitFor(() => expect(screen.getByTestId('active-role').textContent).toBe('supervisor'));
    expect(requests[0].body).toEqual({ role: 'supervisor' });
    await waitFor(() => expect(requests[1]?.body).toEqual({ Token: 'tok-supervisor' }));
    expect(screen.getByLabelText('Agent')).toBeTruthy();
  });

  it('takes only "supervisor" as another role', () => {
    expect(roleFromQuery('?role=admin')).toBe('agent');
    expect(roleFromQuery('?role=supervisor&recording=RE1')).toBe('supervisor');
  });

  it('says when signing in failed', async () => {
    const fetchImpl = jest.fn(async () => {
      throw new TypeError('offline');
    });
    render(<LibraryApp search="" fetchImpl={fetchImpl} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not sign in: Could not reach the server/);
  });
});
