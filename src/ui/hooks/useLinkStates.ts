import { useEffect, useMemo, useState } from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { linkStates, nextExpiryIn, type LinkState } from '../cards/link-state';

/** linkStates for a chat, recomputed when a live invitation reaches its expiry. */
export function useLinkStates(messages: ReadonlyArray<ConversationMessage>): Map<string, LinkState> {
  const [tick, setTick] = useState(0);
  const states = useMemo(() => linkStates(messages, new Date()), [messages, tick]);
  useEffect(() => {
    const wait = nextExpiryIn(messages, states, new Date());
    if (wait === null) return;
    // setTimeout caps at ~24.8 days; a later expiry is re-checked then.
    const t = setTimeout(() => setTick((n) => n + 1), Math.min(wait + 50, 2 ** 31 - 1));
    return () => clearTimeout(t);
  }, [messages, states]);
  return states;
}
