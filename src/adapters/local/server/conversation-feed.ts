import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '../../../logger';
import type { ConversationEvent, SqlConversations } from '../../sql/sql-conversations';

type Listener = (event: ConversationEvent) => void;

/**
 * Live conversation updates as server-sent events. Writers may be another process (the Functions
 * server), so one poller reads the store's change feed and fans out to every open stream.
 */
export class ConversationFeed {
  private readonly listeners = new Set<{ conversationId: string; listener: Listener }>();
  /** Every open stream, ended by close(): an open response would keep the server (and Ctrl-C) waiting. */
  private readonly open = new Set<() => void>();
  private readonly timer: NodeJS.Timeout;
  private polling = false;
  private closed = false;

  /** Starts at the feed's current end: streams opened from now on get what changes next. */
  static async start(conversations: SqlConversations, pollMs = 100): Promise<ConversationFeed> {
    return new ConversationFeed(conversations, await conversations.latestEventSeq(), pollMs);
  }

  private constructor(
    private readonly conversations: SqlConversations,
    /** The last change handed to listeners. */
    private lastSeq: number,
    pollMs: number,
  ) {
    // Poll all the time (one indexed query), so a new stream starts exactly at "now".
    this.timer = setInterval(() => void this.poll(), pollMs);
    this.timer.unref();
  }

  /** Streams one conversation's changes to `res` until the client goes away. */
  stream(req: IncomingMessage, res: ServerResponse, conversationId: string): void {
    if (this.closed) {
      // Shutting down: a reconnecting page is told so instead of holding a stream open.
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('shutting down');
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    // A reconnecting client says where it stopped; replay what it missed. The poller hands this
    // stream every change after `upTo` (held back until the replay is written), the replay the
    // changes up to `upTo`: nothing is lost or sent twice.
    const resumeFrom = Number(req.headers['last-event-id']);
    const replaying = Number.isInteger(resumeFrom) && resumeFrom > 0;
    const upTo = this.lastSeq;
    let held: ConversationEvent[] | null = replaying ? [] : null;
    const entry = { conversationId, listener: (e: ConversationEvent) => (held ? held.push(e) : write(res, e)) };
    this.listeners.add(entry);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const close = () => {
      clearInterval(heartbeat);
      this.listeners.delete(entry);
      this.open.delete(end);
    };
    const end = () => {
      close();
      res.end();
    };
    this.open.add(end);
    req.on('close', close);
    res.on('error', close);
    if (!replaying) return;
    this.conversations
      .eventsSince(resumeFrom, conversationId, 1000)
      .then((missed) => {
        for (const e of missed) if (e.seq <= upTo) write(res, e);
      })
      .catch((err: unknown) => logger.warn({ err, conversationId }, 'conversation feed replay failed'))
      .finally(() => {
        const pending = held ?? [];
        held = null;
        for (const e of pending) write(res, e);
      });
  }

  /** Stops polling and ends every open stream. */
  close(): void {
    this.closed = true;
    for (const end of [...this.open]) end();
    this.listeners.clear();
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    if (this.polling) return; // the previous poll is still reading
    this.polling = true;
    try {
      while (!this.closed) {
        const events = await this.conversations.eventsSince(this.lastSeq);
        if (events.length === 0 || this.closed) return;
        for (const event of events) {
          this.lastSeq = event.seq;
          for (const { conversationId, listener } of this.listeners) {
            if (conversationId === event.conversationId) listener(event);
          }
        }
      }
    } catch (err) {
      if (!this.closed) logger.warn({ err }, 'conversation feed poll failed');
    } finally {
      this.polling = false;
    }
  }
}

function write(res: ServerResponse, e: ConversationEvent): void {
  res.write(`id: ${e.seq}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.payload)}\n\n`);
}
