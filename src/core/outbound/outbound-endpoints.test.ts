import { endpointUrlProblem, endpointWants, parseOutboundWebhooks, secretFingerprint, signingSecrets } from './outbound-endpoints';

const secret = 'a'.repeat(32);

describe('outbound endpoints', () => {
  it('parses OUTBOUND_WEBHOOKS with defaults: all types, enabled', () => {
    const raw = JSON.stringify([
      { id: 'crm', url: 'https://crm.example.com/hook', secret },
      { id: 'bi', url: 'https://bi.example.com/in', secret, types: ['csat.received'], enabled: false },
    ]);
    expect(parseOutboundWebhooks(raw, false)).toEqual([
      { id: 'crm', url: 'https://crm.example.com/hook', secret, types: 'all', enabled: true },
      { id: 'bi', url: 'https://bi.example.com/in', secret, types: ['csat.received'], enabled: false },
    ]);
    expect(parseOutboundWebhooks(undefined, false)).toEqual([]);
    expect(parseOutboundWebhooks('  ', false)).toEqual([]);
  });

  it('refuses short secrets, unknown types, repeated ids and bad JSON without echoing the secret', () => {
    const short = 'short-secret-value';
    const attempt = (value: unknown) => () => parseOutboundWebhooks(JSON.stringify(value), false);
    expect(attempt([{ id: 'crm', url: 'https://x.example', secret: short }])).toThrow(/0\.secret/);
    expect(attempt([{ id: 'crm', url: 'https://x.example', secret: short }])).not.toThrow(new RegExp(short));
    expect(attempt([{ id: 'crm', url: 'https://x.example', secret, types: ['call.started'] }])).toThrow(/0\.types/);
    expect(attempt([{ id: 'crm', url: 'https://x.example', secret, types: [] }])).toThrow(/0\.types/);
    expect(attempt([{ id: 'crm', url: 'https://x.example', secret }, { id: 'crm', url: 'https://y.example', secret }])).toThrow(/crm is used twice/);
    expect(attempt({ id: 'crm' })).toThrow(/OUTBOUND_WEBHOOKS is invalid/);
    expect(() => parseOutboundWebhooks(`[{"secret":"${secret}"`, false)).toThrow('OUTBOUND_WEBHOOKS is not valid JSON (expected an array of endpoints)');
  });

  it('takes https everywhere, and plain http only to this machine in local mode', () => {
    expect(endpointUrlProblem('https://crm.example.com/hook', false)).toBeNull();
    expect(endpointUrlProblem('http://crm.example.com/hook', false)).toBe('must be https');
    expect(endpointUrlProblem('http://127.0.0.1:9000/hook', false)).toBe('must be https');
    expect(endpointUrlProblem('http://127.0.0.1:9000/hook', true)).toBeNull();
    expect(endpointUrlProblem('http://localhost/hook', true)).toBeNull();
    expect(endpointUrlProblem('http://10.0.0.5/hook', true)).toMatch(/must be https/);
    expect(endpointUrlProblem('https://user:pw@crm.example.com/', false)).toMatch(/user name or password/);
    expect(endpointUrlProblem('ftp://crm.example.com/', true)).toMatch(/must be https/);
    expect(endpointUrlProblem('not a url', true)).toBe('is not a URL');
  });

  it('routes by type, and only to enabled endpoints', () => {
    const base = { id: 'crm', url: 'https://x.example', secret, enabled: true };
    expect(endpointWants({ ...base, types: 'all' }, 'clip.sent')).toBe(true);
    expect(endpointWants({ ...base, types: ['call.ended'] }, 'clip.sent')).toBe(false);
    expect(endpointWants({ ...base, types: ['call.ended'] }, 'call.ended')).toBe(true);
    expect(endpointWants({ ...base, types: 'all', enabled: false }, 'call.ended')).toBe(false);
  });

  it('signs with the old secret too while rotating, and fingerprints secrets without revealing them', () => {
    const base = { id: 'crm', url: 'https://x.example', secret, types: 'all' as const, enabled: true };
    expect(signingSecrets(base)).toEqual([secret]);
    expect(signingSecrets({ ...base, previousSecret: 'b'.repeat(32) })).toEqual([secret, 'b'.repeat(32)]);
    expect(secretFingerprint(secret)).toMatch(/^sha256:[0-9a-f]{12}$/);
    expect(secretFingerprint(secret)).not.toBe(secretFingerprint('b'.repeat(32)));
    expect(secretFingerprint(secret)).not.toContain(secret.slice(0, 8));
  });
});
