import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationEvent, SqliteConversations } from '../sqlite-conversations';

type Listener = (event: ConversationEvent) => void;

/**
 * Live conversation updates as server-sent events. Writers may be another process (the Functions
 * server), so one poller reads the SQLite change feed and fans out to every open stream.
 */
export class ConversationFeed {
  private readonly listeners = new Set<{ conversationId: string; listener: Listener }>();
  private lastSeq: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly conversations: SqliteConversations,
    private readonly pollMs = 100,
  ) {
    this.lastSeq = conversations.latestEventSeq();
    // Poll all the time (one indexed query), so a new stream starts exactly at "now".
    this.timer = setInterval(() => this.poll(), this.pollMs);
    this.timer.unref();
  }

  /** Streams one conversation's changes to `res` until the client goes away. */
  stream(req: IncomingMessage, res: ServerResponse, conversationId: string): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    // A reconnecting client says where it stopped; replay what it missed.
    const resumeFrom = Number(req.headers['last-event-id']);
    if (Number.isInteger(resumeFrom) && resumeFrom > 0) {
      for (const e of this.conversations.eventsSince(resumeFrom, conversationId, 1000)) {
        if (e.seq <= this.lastSeq) write(res, e);
      }
    }
    const entry = { conversationId, listener: (e: ConversationEvent) => write(res, e) };
    this.listeners.add(entry);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    const close = () => {
      clearInterval(heartbeat);
      this.listeners.delete(entry);
    };
    req.on('close', close);
    res.on('error', close);
  }

  close(): void {
    this.listeners.clear();
    clearInterval(this.timer);
  }

  private poll(): void {
    for (;;) {
      const events = this.conversations.eventsSince(this.lastSeq);
      if (events.length === 0) return;
      for (const event of events) {
        this.lastSeq = event.seq;
        for (const { conversationId, listener } of this.listeners) {
          if (conversationId === event.conversationId) listener(event);
        }
      }
    }
  }
}

function write(res: ServerResponse, e: ConversationEvent): void {
  res.write(`id: ${e.seq}\nevent: ${e.kind}\ndata: ${JSON.stringify(e.payload)}\n\n`);
}
