import { problemFor } from './problems';

describe('problemFor', () => {
  it('tells the customer what to do next for each refusal', () => {
    expect(problemFor('link_expired').detail).toMatch(/Ask the agent in the chat for a new link/);
    expect(problemFor('link_revoked').title).toBe('This link was replaced');
    expect(problemFor('call_ended').retry).toBe(false);
    expect(problemFor('permission_denied').retry).toBe(true);
  });

  it('falls back to a generic, retryable message', () => {
    expect(problemFor('teapot')).toMatchObject({ title: 'Something went wrong', retry: true });
  });
});
