import { useCallback, useState } from 'react';

/**
 * Text for one polite live region that stays mounted across the recorder's screens (a region
 * must exist before its text changes to be read). Each message replaces the last.
 */
export function useAnnouncer(): [string, (text: string) => void] {
  const [text, setText] = useState('');
  return [text, useCallback((next: string) => setText(next), [])];
}
