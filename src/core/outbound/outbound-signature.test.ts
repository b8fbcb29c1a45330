import { createHmac } from 'node:crypto';
import { parseSignatureHeader, signatureHeader, verifySignature } from './outbound-signature';

const secret = 'whsec-test-0123456789abcdef0123456789abcdef';
const older = 'whsec-old-0123456789abcdef0123456789abcdefgh';
const body = '{"id":"call.ended:CA1","type":"call.ended"}';
const at = new Date('2026-11-21T10:00:00Z');
const seconds = (s: number) => new Date(at.getTime() + s * 1000);

describe('outbound signatures', () => {
  it('is HMAC-SHA256 in hex over "<unix seconds>.<body>", as the docs say', () => {
    const t = at.getTime() / 1000;
    const hex = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signatureHeader([secret], body, at)).toBe(`t=${t},v1=${hex}`);
  });

  it('verifies within the tolerance either way, and refuses a stale or future timestamp', () => {
    const header = signatureHeader([secret], body, at);
    expect(verifySignature(header, body, [secret], seconds(300))).toEqual({ ok: true, timestamp: at.getTime() / 1000 });
    expect(verifySignature(header, body, [secret], seconds(-300)).ok).toBe(true);
    expect(verifySignature(header, body, [secret], seconds(301))).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(header, body, [secret], seconds(-301))).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(header, body, [secret], seconds(1000), 3600).ok).toBe(true);
  });

  it('refuses a changed body, another secret, a moved timestamp, and missing or malformed headers', () => {
    const header = signatureHeader([secret], body, at);
    expect(verifySignature(header, `${body} `, [secret], at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(header, body, [older], at)).toEqual({ ok: false, reason: 'mismatch' });
    const moved = header.replace(/^t=(\d+)/, (_m, t: string) => `t=${Number(t) + 1}`);
    expect(verifySignature(moved, body, [secret], at)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(undefined, body, [secret], at)).toEqual({ ok: false, reason: 'missing' });
    expect(verifySignature('t=abc,v1=00', body, [secret], at)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(`v1=${'0'.repeat(64)}`, body, [secret], at)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('carries one v1 per secret during a rotation: a receiver on either secret verifies', () => {
    const header = signatureHeader([secret, older], body, at);
    expect(parseSignatureHeader(header)?.v1).toHaveLength(2);
    expect(verifySignature(header, body, [secret], at).ok).toBe(true);
    expect(verifySignature(header, body, [older], at).ok).toBe(true);
    expect(verifySignature(header, body, ['someone-else-entirely-0123456789abcdef'], at).ok).toBe(false);
  });

  it('ignores schemes it does not know, so a later v2 leaves v1 receivers working', () => {
    const header = `${signatureHeader([secret], body, at)},v2=whatever`;
    expect(verifySignature(header, body, [secret], at).ok).toBe(true);
  });
});
