import { MediaUrlSigner } from './media-url-signer';

describe('MediaUrlSigner', () => {
  const signer = new MediaUrlSigner('a-secret-that-is-long-enough-0123456789', 'https://worker.example.com/');
  const name = `MW${'a'.repeat(32)}.flac`;
  const now = new Date('2026-01-01T00:00:00Z');
  const url = new URL(signer.url(name, new Date(now.getTime() + 600_000)));
  const verify = (n: string, expires: string | null, sig: string | null, at = now) => signer.verify(n, expires, sig, at);

  it('signs the file name and the expiry into the URL, and accepts that URL until it expires', () => {
    expect(url.origin + url.pathname).toBe(`https://worker.example.com/media/${name}`);
    expect(url.searchParams.get('expires')).toBe(String(now.getTime() / 1000 + 600));
    expect(verify(name, url.searchParams.get('expires'), url.searchParams.get('sig'))).toBe(true);
    expect(verify(name, url.searchParams.get('expires'), url.searchParams.get('sig'), new Date(now.getTime() + 600_000))).toBe(false);
  });

  it('refuses another file, a moved expiry, a changed or missing signature, and another key', () => {
    const [expires, sig] = [url.searchParams.get('expires')!, url.searchParams.get('sig')!];
    expect(verify(`MW${'b'.repeat(32)}.flac`, expires, sig)).toBe(false);
    expect(verify(name, String(Number(expires) + 3600), sig)).toBe(false);
    expect(verify(name, expires, `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(verify(name, expires, null)).toBe(false);
    expect(verify(name, '1e12', sig)).toBe(false);
    const other = new MediaUrlSigner('another-secret-that-is-long-enough-0123', 'https://worker.example.com');
    expect(other.verify(name, expires, sig, now)).toBe(false);
  });

  it('needs a secret of at least 32 characters', () => {
    expect(() => new MediaUrlSigner('short', 'https://worker.example.com')).toThrow(/32/);
  });
});
