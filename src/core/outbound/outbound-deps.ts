import type { Clock } from '../../ports/clock';
import type { OutboundEndpoint, OutboundStore } from '../../ports/outbound-store';

/** How a delivery is retried: attempt n (1-based) failing waits `backoffSeconds[n-1]` (the last entry repeats). */
export interface OutboundRetryPolicy {
  maxAttempts: number;
  backoffSeconds: readonly number[];
  /** One POST's limit; a receiver slower than this counts as failed (and may see the event again). */
  timeoutMs: number;
}

/** 10 s, 30 s, 2 min, 10 min, 1 h, 3 h, 6 h: eight attempts over about ten hours. */
export const DEFAULT_OUTBOUND_RETRY: OutboundRetryPolicy = {
  maxAttempts: 8,
  backoffSeconds: [10, 30, 120, 600, 3600, 3 * 3600, 6 * 3600],
  timeoutMs: 5000,
};

/** The `fetch` a delivery uses (global fetch by default; tests may inject one). */
export type OutboundFetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'manual' }) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

/** What publishing, delivering and the admin Functions share (CoreDeps.outboundDelivery). */
export interface OutboundDeps {
  store: OutboundStore;
  /** OUTBOUND_WEBHOOKS, parsed at start-up (parseOutboundWebhooks): read-only, changed in the environment. */
  envEndpoints: readonly OutboundEndpoint[];
  /** Local mode: endpoints may be plain http to 127.0.0.1 or localhost. */
  allowLocalHttp: boolean;
  clock: Clock;
  retry?: Partial<OutboundRetryPolicy>;
  fetch?: OutboundFetch;
}

export const retryPolicyOf = (deps: Pick<OutboundDeps, 'retry'>): OutboundRetryPolicy => ({ ...DEFAULT_OUTBOUND_RETRY, ...deps.retry });

/** When attempt `attempts` (just failed) may be followed by the next, or null when it was the last. */
export function nextAttemptAt(policy: OutboundRetryPolicy, attempts: number, now: Date): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const table = policy.backoffSeconds;
  const wait = table.length === 0 ? 0 : table[Math.min(attempts, table.length) - 1];
  return new Date(now.getTime() + wait * 1000);
}

/** Every endpoint there is: the environment's first (they win an id clash), then the store's. */
export async function allEndpoints(deps: Pick<OutboundDeps, 'store' | 'envEndpoints'>): Promise<OutboundEndpoint[]> {
  const stored = await deps.store.listEndpoints();
  const envIds = new Set(deps.envEndpoints.map((e) => e.id));
  return [...deps.envEndpoints, ...stored.filter((e) => !envIds.has(e.id))];
}

/** One endpoint by id, the environment's winning over the store's. */
export async function endpointById(deps: Pick<OutboundDeps, 'store' | 'envEndpoints'>, id: string): Promise<OutboundEndpoint | null> {
  return deps.envEndpoints.find((e) => e.id === id) ?? (await deps.store.getEndpoint(id));
}
