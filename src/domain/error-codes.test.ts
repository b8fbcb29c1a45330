import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from './error-codes';

const root = join(__dirname, '..', '..');
const codes: readonly string[] = ERROR_CODES;

describe('ERROR_CODES, the one vocabulary of error codes', () => {
  it('lists each code once, in snake_case', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('spells the missing credential token_missing, as every back end sends it', () => {
    expect(codes).toContain('token_missing');
    expect(codes).not.toContain('missing_token');
    expect(codes).toContain('supervisor_required');
    expect(codes).not.toContain('supervisors_only');
  });

  // The compiler checks every typed sender; these two build their answer by hand.
  it.each([
    ['scripts/twilio-run-request-guards.cjs', /refuse\(res, \d+, '([a-z_]+)'/g],
    ['src/adapters/local/janus/janus-proxy.ts', /code: '([a-z_]+)'/g],
  ])('holds the codes %s answers with', (path, pattern) => {
    const sent = [...readFileSync(join(root, path), 'utf8').matchAll(pattern)].map((m) => m[1]);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((code) => !codes.includes(code))).toEqual([]);
  });
});
