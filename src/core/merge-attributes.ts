import type { Attributes } from '../domain/conversation';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deep-merges `patch` into `current`: nested objects merge key by key, anything else in `patch`
 * replaces. Both back ends use it so that one feature's keys never clobber another's.
 */
export function mergeAttributes(current: Attributes, patch: Attributes): Attributes {
  const out: Attributes = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const prev = out[key];
    out[key] = isPlainObject(prev) && isPlainObject(value) ? mergeAttributes(prev, value) : value;
  }
  return out;
}
