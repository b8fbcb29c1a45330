const KEY = 'vx-link-token';

/**
 * Reads the link token from the URL fragment (`#t=…`, never sent to servers), then removes it
 * from the address bar so it is not shared in screenshots or history. A copy stays in this
 * tab's sessionStorage so a reload of the same tab still works; each page keeps its own (`key`),
 * so a call link and a recording link opened in one tab never stand in for each other.
 */
export function takeLinkToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  key: string = KEY,
): string | null {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('t');
  if (token) {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    try {
      storage?.setItem(key, token);
    } catch {
      // Storage can be disabled (private mode); the token still works for this page view.
    }
    return token;
  }
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
