/** Where this browser remembers that the recording guide was put away. */
export const GUIDE_DISMISSED_KEY = 'vx-clip-guide-dismissed';

/** The part of Web Storage the guide uses: a seam for tests and for browsers that refuse storage. */
export type GuideStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * localStorage, or null where reading it throws (privacy modes, storage blocked for the site,
 * sandboxed frames): the guide then simply shows on every visit.
 */
export function browserGuideStorage(): GuideStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function guideWasDismissed(storage: GuideStorage | null): boolean {
  try {
    return storage?.getItem(GUIDE_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers (or forgets, when shown again) that the guide was put away; a full or refused storage is ignored. */
export function rememberGuideDismissed(storage: GuideStorage | null, dismissed: boolean): void {
  try {
    if (dismissed) storage?.setItem(GUIDE_DISMISSED_KEY, '1');
    else storage?.removeItem(GUIDE_DISMISSED_KEY);
  } catch {
    // Quota or policy: the guide shows again next time, which is harmless.
  }
}
