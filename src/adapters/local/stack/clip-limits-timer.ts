import { enforceClipLimits } from '../../../core/clips/clip-limits';
import type { CoreDeps } from '../../../core/deps';
import { logger } from '../../../logger';

/**
 * Runs the core's clip limits (length cap, author gone) every `intervalMs` on the local back end.
 * A look in progress is never overlapped; stopping waits for it.
 */
export function startClipLimitsTimer(deps: CoreDeps, intervalMs = 1000): { stop(): Promise<void> } {
  const absentSince = new Map<string, number>();
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const loop = (): void => {
    if (stopped) return;
    running = enforceClipLimits(deps, absentSince)
      .catch((err: unknown) => logger.error({ err }, 'clip limits check failed'))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, intervalMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
