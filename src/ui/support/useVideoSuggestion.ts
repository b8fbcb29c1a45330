import { useCallback, useEffect, useState } from 'react';
import type { VideoSuggestion } from '../../api/support-ticket-contract';
import { browserTimeZone, type SupportTicketApi } from '../api/support-ticket-api';

/**
 * The suggestion waiting on this ticket. Says the agent took the ticket when it opens (with the
 * browser's time zone), and asks again whenever `messageCount` grows: a customer's message may
 * have raised one. `clear` hides it at once after the agent acted on it.
 */
export function useVideoSuggestion(api: SupportTicketApi | null, conversationId: string | null, messageCount: number, team?: string) {
  const [suggestion, setSuggestion] = useState<VideoSuggestion | null>(null);
  useEffect(() => {
    setSuggestion(null);
    if (!api || !conversationId) return;
    let live = true;
    api
      .joined(conversationId, { timeZone: browserTimeZone(), team })
      .then((s) => live && setSuggestion(s))
      .catch(() => undefined); // the agent's work never waits on analytics
    return () => {
      live = false;
    };
  }, [api, conversationId, team]);
  useEffect(() => {
    if (!api || !conversationId || messageCount === 0) return;
    let live = true;
    api
      .suggestion(conversationId)
      .then((s) => live && setSuggestion(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, conversationId, messageCount]);
  const clear = useCallback(() => setSuggestion(null), []);
  return { suggestion, clear };
}
