import { useState } from 'react';

let next = 0;

/** A prefix unique to this component instance, for label/field ids (React 17 has no useId). */
export function useFieldIds(name: string): string {
  const [prefix] = useState(() => `vx-${name}-${++next}`);
  return prefix;
}
