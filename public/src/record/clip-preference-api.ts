import type { ClipPreference } from '../../../src/core/clips/clip-preference';
import type { ClipEndpoint } from '../../../src/ui/api/clip-api';

export type { ClipPreference };

/** Tells the agent the customer would rather type, or have a live call; the link keeps working. */
export type PreferInstead = (preference: ClipPreference) => Promise<void>;

/** The `/clip` Function's `prefer` action, by the customer's recording link. */
export function customerPreferInstead(endpoint: ClipEndpoint, linkToken: string): PreferInstead {
  return async (preference) => {
    // `prefer` and `preference` are not in ClipRequest yet (src/api/contract.ts): cast until they are.
    await endpoint({ action: 'prefer', linkToken, preference });
  };
}
