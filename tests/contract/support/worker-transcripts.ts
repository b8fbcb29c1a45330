import type { FakeTwilio, MediaFetch, Resource } from '../../support/fake-twilio';

/**
 * Waits for the media worker: `count` new Voice Intelligence transcripts (not among `before`),
 * each with its media fetched and judged by the fake, in the order they were created.
 */
export async function workerTranscripts(fake: FakeTwilio, count: number, before: ReadonlySet<string> = new Set(), timeoutMs = 60_000): Promise<Resource[]> {
  const deadline = Date.now() + timeoutMs;
  const fresh = () => [...fake.state.transcripts.values()].filter((t) => !before.has(String(t.sid)));
  while (fresh().length < count) {
    if (Date.now() > deadline) throw new Error(`the media worker made ${fresh().length} of ${count} transcripts within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const made = fresh();
  await Promise.all(made.map((t) => fake.transcriptMedia(String(t.sid))));
  return made;
}

/** Media Voice Intelligence refused (95104) or could not fetch, over the fake's life so far. */
export const viMediaRejected = (fake: FakeTwilio): MediaFetch[] => fake.mediaFetches().filter((f) => f.error);
