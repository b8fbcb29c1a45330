import '../../../../ui/test-support/media-env';
import { render, screen, within } from '@testing-library/react';
import React from 'react';
import { FakeVideoClient } from '../../../../ui/test-support/fake-room';
import { ConsoleApp } from './ConsoleApp';

const conversations = [
  { id: 'CH7', friendlyName: 'Jordan Lee · Router keeps dropping Wi-Fi', attributes: { customerName: 'Jordan Lee' }, createdAt: '2026-11-21T10:00:00.000Z' },
];

/** The local stack at the HTTP boundary: sign-in, the conversation list, an empty chat whose event stream stays open. */
const fetchImpl = jest.fn(async (url: RequestInfo | URL) => {
  const path = String(url);
  if (path.endsWith('/events')) return new Promise<Response>(() => undefined);
  const answer =
    path === '/api/local/sign-in'
      ? { token: 'tok', identity: 'alex', name: 'Alex', roles: ['agent'] }
      : path === '/api/local/conversations'
        ? { conversations }
        : { messages: [] };
  return { ok: true, status: 200, json: async () => answer } as unknown as Response;
}) as unknown as typeof fetch;

beforeAll(() => {
  // The chat's event stream fetches by itself (not through the app's fetchImpl).
  globalThis.fetch = fetchImpl;
});

/** #23: the agent can tell a supervisor which conversation this is, by the name and id the privacy tools know. */
it('names the open conversation: the customer, its id, and a Copy id button', async () => {
  render(<ConsoleApp videoClientFor={() => new FakeVideoClient()} fetchImpl={fetchImpl} />);
  const label = await screen.findByTestId('conversation-label');
  expect(label.textContent).toBe('Jordan LeeConversation CH7Copy id');
  expect(within(label).getByRole('button', { name: 'Copy id of the conversation with Jordan Lee' })).toBeTruthy();
});
