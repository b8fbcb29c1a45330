import type { Attributes } from '../domain/conversation';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deep-merges `patch` into `current`: nested objects merge key by key, `null` removes a key, and
 * anything else in `patch` replaces. Both back ends use it so that one feature's keys never
 * clobber another's, and so that what is finished can leave (Conversations caps a conversation's
 * attributes at 16 KiB).
 */
export function mergeAttributes(current: Attributes, patch: Attributes): Attributes {
  const out: Attributes = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const prev = out[key];
    if (value === null) delete out[key];
    else out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeAttributes(prev, value) : value;
  }
  return out;
}
