import { SseParser, streamEvents, type SseEvent } from './sse';

describe('SseParser', () => {
  it('parses named events with JSON data', () => {
    const p = new SseParser();
    expect(p.push('event: message\ndata: {"id":"m1"}\n\n')).toEqual([{ event: 'message', data: '{"id":"m1"}' }]);
  });

  it('handles chunks split anywhere, CRLF, comments and multi-line data', () => {
    const p = new SseParser();
    const text = ': keep-alive\r\nevent: conversation\r\ndata: line one\r\ndata: line two\r\nid: 7\r\n\r\ndata: plain\n\n';
    const out: SseEvent[] = [];
    for (const ch of text) out.push(...p.push(ch));
    expect(out).toEqual([
      { event: 'conversation', data: 'line one\nline two', id: '7' },
      { event: 'message', data: 'plain', id: '7' },
    ]);
  });

  it('waits for the blank line before emitting', () => {
    const p = new SseParser();
    expect(p.push('event: message\ndata: x\n')).toEqual([]);
    expect(p.push('\n')).toEqual([{ event: 'message', data: 'x' }]);
  });
});

/** A fetch whose responses stream the given texts, then end (so the reader reconnects). */
function streamingFetch(bodies: string[]) {
  const calls: RequestInit[] = [];
  const impl = jest.fn(async (_url: unknown, init?: RequestInit) => {
    calls.push(init ?? {});
    const text = bodies.shift();
    if (text === undefined) return new Promise<Response>(() => undefined); // hang: no more streams
    const bytes = new TextEncoder().encode(text);
    let sent = false;
    return {
      ok: true,
      status: 200,
      body: { getReader: () => ({ read: async () => (sent ? { done: true } : ((sent = true), { done: false, value: bytes })) }) },
    } as unknown as Response;
  });
  return { impl, calls };
}

describe('streamEvents', () => {
  it('sends the bearer header, delivers events, and reconnects after the stream ends', async () => {
    const { impl, calls } = streamingFetch(['event: message\ndata: 1\n\n', 'event: message\ndata: 2\n\n']);
    const events: string[] = [];
    let opens = 0;
    const stop = streamEvents('/events', {
      headers: { Authorization: 'Bearer abc' },
      fetchImpl: impl as unknown as typeof fetch,
      onEvent: (e) => events.push(e.data),
      onOpen: () => (opens += 1),
      minDelayMs: 1,
    });
    try {
      await new Promise((r) => setTimeout(r, 50));
      expect(events).toEqual(['1', '2']);
      expect(opens).toBe(2);
      expect((calls[0].headers as Record<string, string>).Authorization).toBe('Bearer abc');
    } finally {
      stop();
    }
  });

  it('backs off after errors and stops when asked', async () => {
    const impl = jest.fn(async () => ({ ok: false, status: 503, body: null }) as unknown as Response);
    const errors: unknown[] = [];
    const stop = streamEvents('/events', { fetchImpl: impl as unknown as typeof fetch, onEvent: () => undefined, onError: (e) => errors.push(e), minDelayMs: 5, maxDelayMs: 20 });
    await new Promise((r) => setTimeout(r, 60));
    stop();
    const count = impl.mock.calls.length;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThan(8); // doubling delays, not a tight loop
    expect(String(errors[0])).toMatch(/503/);
    await new Promise((r) => setTimeout(r, 40));
    expect(impl.mock.calls.length).toBe(count);
  });
});
