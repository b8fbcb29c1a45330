/**
 * "Something was said" in each conversation, counted: the Video tab asks again for a video
 * suggestion whenever its conversation's count grows (the local console uses its message list's
 * length the same way). Kept outside React, like the calls, since the messages arrive on the
 * Conversations client whether or not the tab is open.
 */
export class MessageTicks {
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<(conversationSid: string) => void>();

  bump(conversationSid: string): void {
    this.counts.set(conversationSid, this.count(conversationSid) + 1);
    for (const listener of [...this.listeners]) listener(conversationSid);
  }

  count(conversationSid: string): number {
    return this.counts.get(conversationSid) ?? 0;
  }

  /** Called with the conversation's sid at each bump; returns the way to stop. */
  subscribe(listener: (conversationSid: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
