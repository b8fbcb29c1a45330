const KEY = 'vx-link-token';

/**
 * Reads the link token from the URL fragment (`#t=…`, never sent to servers), then removes it
 * from the address bar so it is not shared in screenshots or history. A copy stays in this
 * tab's sessionStorage so a reload of the same tab still works.
 */
export function takeLinkToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
): string | null {
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('t');
  if (token) {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    try {
      storage?.setItem(KEY, token);
    } catch {
      // Storage can be disabled (private mode); the token still works for this page view.
    }
    return token;
  }
  try {
    return storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}
