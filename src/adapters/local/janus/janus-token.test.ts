import { createHmac } from 'node:crypto';
import { signJanusToken } from './janus-token';

// Janus accepting these tokens is proven against the real binary in tests/http/janus-lockdown.test.ts.
test('data is "<expiry seconds>,janus,<plugins>", signed with HMAC-SHA1 in standard base64', () => {
  const token = signJanusToken('s3cret', new Date('2030-01-01T00:00:59.999Z'));
  const [data, signature] = token.split(':');
  expect(data).toBe('1893456059,janus,janus.plugin.videoroom');
  expect(signature).toBe(createHmac('sha1', 's3cret').update(data).digest('base64'));
  expect(signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
});

test('lists every plugin it is good for, and depends on the secret', () => {
  const at = new Date('2030-01-01T00:00:00Z');
  expect(signJanusToken('a', at, ['janus.plugin.videoroom', 'janus.plugin.echotest'])).toMatch(/^1893456000,janus,janus\.plugin\.videoroom,janus\.plugin\.echotest:/);
  expect(signJanusToken('a', at)).not.toBe(signJanusToken('b', at));
});
