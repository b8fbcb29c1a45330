import { z } from 'zod';

/** Ids we accept from callers: conversation SIDs, UUIDs. Bounded, no path or control characters. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, _ or -');

/** Form-encoded bodies carry booleans as text. */
export const looseBoolean = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** An agent's own words before a link (a suggestion's template, edited): short, one paragraph, no link of their own. */
export const agentMessageSchema = z
  .string()
  .max(600)
  .refine((s) => !/https?:\/\//i.test(s), 'must not carry a link: the signed link is added after it');
