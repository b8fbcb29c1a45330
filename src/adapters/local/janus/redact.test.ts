import { makeRedactor } from './redact';

test('removes known secret values and secret-like JSON fields', () => {
  const redact = makeRedactor(() => ['s3cr3t-value-123']);
  const out = redact('admin_secret = "abc" and {"secret": "roomsecret", "token":"t0k", "allowed": ["a","b"]} plus s3cr3t-value-123');
  expect(out).not.toMatch(/abc|roomsecret|t0k|"a"|s3cr3t-value-123/);
  expect(out).toContain('[redacted]');
  expect(redact('Token based authentication disabled')).toBe('Token based authentication disabled');
});
