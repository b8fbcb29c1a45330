import type { CoreDeps } from '../../../core/deps';
import { sweepRetention, type SweepReport } from '../../../core/privacy/retention-sweep';
import { logger } from '../../../logger';
import type { Clock } from '../../../ports/clock';

export interface RetentionTimer {
  /** Sweeps now (after any sweep in progress): tests, and an operator who cannot wait. */
  sweepNow(): Promise<SweepReport>;
  stop(): Promise<void>;
}

/**
 * The local back end's retention sweep every `intervalMs`, at the `clock`'s time (tests move it
 * past the retention days). Sweeps of this process never overlap; stopping waits for the one running.
 */
export function startRetentionTimer(deps: CoreDeps, o: { intervalMs: number; clock: Clock; paceMs?: number }): RetentionTimer {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let last: Promise<unknown> = Promise.resolve();
  const sweep = (): Promise<SweepReport> => {
    const next = last.then(() => sweepRetention(deps, o.clock.now(), { paceMs: o.paceMs }));
    last = next.catch(() => undefined);
    return next;
  };
  const loop = (): void => {
    timer = null;
    if (stopped) return;
    void sweep()
      .catch((err: unknown) => logger.error({ err }, 'retention sweep failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, o.intervalMs);
      });
  };
  timer = setTimeout(loop, o.intervalMs);
  return {
    sweepNow: sweep,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await last;
    },
  };
}
