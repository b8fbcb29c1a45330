import { randomUUID } from 'node:crypto';
import { logger } from '../../logger';
import type { OutboundDelivery } from '../../ports/outbound-store';
import { endpointById, nextAttemptAt, retryPolicyOf, type OutboundDeps, type OutboundFetch, type OutboundRetryPolicy } from './outbound-deps';
import { signingSecrets } from './outbound-endpoints';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signatureHeader } from './outbound-signature';

export const DELIVERY_ATTEMPT_HEADER = 'X-Video-Escalation-Attempt';
const USER_AGENT = 'video-escalation-webhooks/1';
/** A claim outlives its POST's timeout by this much, so only a sender that died lets another take it. */
const LEASE_MARGIN_MS = 30_000;
const DEFAULT_BATCH = 10;

export interface DeliveryReport {
  delivered: number;
  /** Failed this time, queued again for later. */
  retrying: number;
  /** Given up: the last attempt failed, or the endpoint is gone or disabled. */
  failed: number;
  /** Stopped at the time budget with deliveries possibly still due: call again. */
  more: boolean;
}

export interface DeliverOptions {
  /** The lease owner's name (default: random per call). */
  owner?: string;
  /** Deliveries claimed (and posted side by side) at a time. */
  batch?: number;
  /** Claim no new batch after this long (a Twilio Function stops at 10 s); the first batch always goes. */
  budgetMs?: number;
}

const defaultFetch: OutboundFetch = (url, init) => fetch(url, init);

/** Our words for a failed request: no URL, no secret, nothing the receiver wrote. */
function describeFailure(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: unknown } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  const code = e?.cause?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? `network error (${code})` : 'network error';
}

/**
 * Posts every delivery due at `now` (src/core/outbound/DESIGN-NOTE.md): claims a batch with a
 * lease, signs each body afresh with its endpoint's secret(s), and records the answer: 2xx is
 * delivered, anything else (a status, a timeout, a refused connection) is tried again after the
 * policy's backoff until its attempts run out. Locally a timer calls it; on Twilio the scheduler
 * Function /outbound-deliver does.
 */
export async function deliverDue(deps: OutboundDeps, now: Date, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const policy = retryPolicyOf(deps);
  const owner = options.owner ?? `deliver-${randomUUID()}`;
  const batch = options.batch ?? DEFAULT_BATCH;
  const startedAt = Date.now();
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0, more: false };
  const leaseUntil = new Date(now.getTime() + policy.timeoutMs + LEASE_MARGIN_MS).toISOString();
  for (;;) {
    const claimed = await deps.store.claimDue(owner, now.toISOString(), leaseUntil, batch);
    await Promise.all(claimed.map((d) => deliverOne(deps, policy, owner, d, now, report)));
    if (claimed.length < batch) break;
    if (options.budgetMs !== undefined && Date.now() - startedAt >= options.budgetMs) {
      report.more = true;
      break;
    }
  }
  return report;
}

async function deliverOne(deps: OutboundDeps, policy: OutboundRetryPolicy, owner: string, d: OutboundDelivery, now: Date, report: DeliveryReport): Promise<void> {
  const log = { eventId: d.eventId, endpointId: d.endpointId, attempt: d.attempts };
  const giveUp = async (error: string, status: number | null) => {
    if (await deps.store.markFailedAttempt(d.eventId, d.endpointId, owner, { status, error, nextAttemptAt: null }, now.toISOString())) {
      report.failed++;
      logger.warn({ ...log, status, error }, 'outbound event not delivered: given up');
    }
  };
  const endpoint = await endpointById(deps, d.endpointId);
  if (!endpoint) return giveUp('endpoint removed', null);
  if (!endpoint.enabled) return giveUp('endpoint disabled', null);

  let status: number | null = null;
  let error: string;
  try {
    const response = await (deps.fetch ?? defaultFetch)(endpoint.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        [SIGNATURE_HEADER]: signatureHeader(signingSecrets(endpoint), d.body, deps.clock.now()),
        [EVENT_ID_HEADER]: d.eventId,
        [EVENT_TYPE_HEADER]: d.type,
        [DELIVERY_ATTEMPT_HEADER]: String(d.attempts),
      },
      body: d.body,
      signal: AbortSignal.timeout(policy.timeoutMs),
      // A redirect is not an answer: the signed body is not sent on to another address.
      redirect: 'manual',
    });
    status = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (status >= 200 && status < 300) {
      if (await deps.store.markDelivered(d.eventId, d.endpointId, owner, status, now.toISOString())) report.delivered++;
      return;
    }
    error = `HTTP ${status}`;
  } catch (err) {
    error = describeFailure(err);
  }
  const next = nextAttemptAt(policy, d.attempts, now);
  if (!next) return giveUp(error, status);
  if (await deps.store.markFailedAttempt(d.eventId, d.endpointId, owner, { status, error, nextAttemptAt: next.toISOString() }, now.toISOString())) {
    report.retrying++;
    logger.info({ ...log, status, error, nextAttemptAt: next.toISOString() }, 'outbound event delivery failed; will retry');
  }
}
