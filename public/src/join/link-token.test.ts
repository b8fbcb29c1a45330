import { takeLinkToken } from './link-token';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('takeLinkToken', () => {
  it('reads the fragment token and strips it from the address bar', () => {
    const history = { replaceState: jest.fn() };
    const token = takeLinkToken({ hash: '#t=abc.def.ghi', pathname: '/join.html', search: '' }, history, memoryStorage());
    expect(token).toBe('abc.def.ghi');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/join.html');
  });

  it('survives a reload of the same tab', () => {
    const storage = memoryStorage();
    takeLinkToken({ hash: '#t=tok1', pathname: '/join.html', search: '' }, { replaceState: jest.fn() }, storage);
    const history = { replaceState: jest.fn() };
    expect(takeLinkToken({ hash: '', pathname: '/join.html', search: '' }, history, storage)).toBe('tok1');
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it("keeps each page's token under its own key", () => {
    const storage = memoryStorage();
    takeLinkToken({ hash: '#t=call', pathname: '/join.html', search: '' }, { replaceState: jest.fn() }, storage);
    expect(takeLinkToken({ hash: '', pathname: '/record.html', search: '' }, { replaceState: jest.fn() }, storage, 'vx-clip-link-token')).toBeNull();
  });

  it('gives null without a token', () => {
    expect(takeLinkToken({ hash: '#x=1', pathname: '/join.html', search: '' }, { replaceState: jest.fn() }, null)).toBeNull();
  });
});
