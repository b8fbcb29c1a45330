import { logger } from '../../../logger';

export interface RepeatingTask<T> {
  /** Runs now (after any run in progress): tests, and an operator who cannot wait. */
  runNow(): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Runs `work` every `intervalMs` in this process, one run at a time: the next waits for the one in
 * progress, and stopping waits for it too. A failed run is logged under `what` and the next goes on.
 */
export function startRepeatingTask<T>(what: string, intervalMs: number, work: () => Promise<T>): RepeatingTask<T> {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let last: Promise<unknown> = Promise.resolve();
  const runNow = (): Promise<T> => {
    const next = last.then(work);
    last = next.catch(() => undefined);
    return next;
  };
  const loop = (): void => {
    timer = null;
    if (stopped) return;
    void runNow()
      .catch((err: unknown) => logger.error({ err }, `${what} failed`))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, intervalMs);
  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await last;
    },
  };
}
