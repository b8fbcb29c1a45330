/**
 * Server-sent events over fetch. EventSource cannot send an Authorization header, so the local
 * pages read the stream themselves: a small incremental parser plus a reconnecting reader.
 */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/** Incremental text/event-stream parser (WHATWG HTML "interpreting an event stream"). */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  /** The previous chunk ended in \r: a \n starting this one belongs to the same line break. */
  private pendingCR = false;

  push(chunk: string): SseEvent[] {
    if (this.pendingCR && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCR = chunk.endsWith('\r');
    this.buffer += chunk;
    const out: SseEvent[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    // The last piece is an unfinished line (empty when the chunk ended with a line break).
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n'), ...(this.id !== undefined ? { id: this.id } : {}) });
        this.data = [];
        this.event = '';
        continue;
      }
      if (line.startsWith(':')) continue; // comment / keep-alive
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') this.data.push(value);
      else if (field === 'event') this.event = value;
      else if (field === 'id') this.id = value;
    }
    return out;
  }
}

export interface SseOptions {
  headers?: Record<string, string>;
  onEvent(event: SseEvent): void;
  /** Called on every (re)connection: a good moment to re-fetch anything missed meanwhile. */
  onOpen?(): void;
  onError?(error: unknown): void;
  fetchImpl?: typeof fetch;
  /** Backoff between reconnects: starts at minDelayMs, doubles, capped at maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** Reads an event stream until stopped, reconnecting with backoff. Returns stop(). */
export function streamEvents(url: string, options: SseOptions): () => void {
  const controller = new AbortController();
  const doFetch = options.fetchImpl ?? fetch;
  const min = options.minDelayMs ?? 500;
  const max = options.maxDelayMs ?? 10_000;
  let delay = min;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      controller.signal.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });

  const once = async () => {
    const res = await doFetch(url, {
      headers: { Accept: 'text/event-stream', ...options.headers },
      signal: controller.signal,
      cache: 'no-store',
    });
    if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
    delay = min;
    options.onOpen?.();
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const e of parser.push(decoder.decode(value, { stream: true }))) options.onEvent(e);
    }
  };

  void (async () => {
    while (!controller.signal.aborted) {
      try {
        await once();
      } catch (e) {
        if (controller.signal.aborted) return;
        options.onError?.(e);
      }
      await sleep(delay);
      delay = Math.min(max, delay * 2);
    }
  })();

  return () => controller.abort();
}
