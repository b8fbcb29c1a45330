import type { CoreDeps } from '../../../core/deps';
import { sweepRetention, type SweepReport } from '../../../core/privacy/retention-sweep';
import type { Clock } from '../../../ports/clock';
import { startRepeatingTask } from './repeating-task';

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
  const task = startRepeatingTask('retention sweep', o.intervalMs, () => sweepRetention(deps, o.clock.now(), { paceMs: o.paceMs }));
  return { sweepNow: task.runNow, stop: task.stop };
}
