import { randomUUID } from 'node:crypto';
import type { PipelineStore } from '../../../ports/pipeline-store';

/**
 * This worker's leases on pipeline jobs: one advancer per job across processes (the Functions
 * process that ended the call, the server resuming after a restart). A job is advanced only while
 * its lease is held. The lease is kept, and renewed every third of its length, for as long as
 * anything of this worker's is at work on the job: a step, or background work it started (ffmpeg,
 * an engine run), whose report then continues under the same lease. It is given up when the last
 * of them ends. Inside the worker, steps on one job run one at a time.
 */
export class JobLeases {
  readonly owner = `worker-${randomUUID()}`;
  /** How many of this worker's steps and background runs keep each job's lease. */
  private readonly holds = new Map<string, number>();
  private readonly claiming = new Map<string, Promise<boolean>>();
  /** Per job: the store's lease writes in order (a release never lands after a later claim), and the steps in order. */
  private readonly storeOps = new Map<string, Promise<unknown>>();
  private readonly steps = new Map<string, Promise<unknown>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: PipelineStore,
    readonly leaseMs: number,
    private readonly onLost: (roomName: string) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  /**
   * Runs one step on the job holding its lease, after this worker's earlier steps on it; null,
   * without running it, while another worker holds the job. Steps must not nest (a step that
   * waited for another step of its own job would wait forever).
   */
  async run<T>(roomName: string, work: () => Promise<T>): Promise<T | null> {
    const release = await this.hold(roomName);
    if (!release) return null;
    try {
      return await inOrder(this.steps, roomName, work);
    } finally {
      release();
    }
  }

  /**
   * Keeps the job's lease until the returned release is called; null when another worker holds
   * it. Synchronous while this worker already holds the job, so work handed on from a step never
   * leaves the lease free in between.
   */
  async hold(roomName: string): Promise<(() => void) | null> {
    if ((this.holds.get(roomName) ?? 0) === 0) {
      let claim = this.claiming.get(roomName);
      if (!claim) {
        claim = this.storeOp(roomName, () => this.claim(roomName));
        this.claiming.set(roomName, claim);
        void claim.finally(() => this.claiming.delete(roomName)).catch(() => undefined);
      }
      if (!(await claim)) return null;
    }
    this.holds.set(roomName, (this.holds.get(roomName) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.holds.get(roomName) ?? 1) - 1;
      if (left > 0) return void this.holds.set(roomName, left);
      this.holds.delete(roomName);
      void this.storeOp(roomName, async () => {
        // Claimed again meanwhile (a new step): keep it.
        if (!this.holds.has(roomName)) await this.store.releaseLease(roomName, this.owner);
      }).catch(() => undefined);
    };
  }

  /** Stops renewing (a worker going away); what it held expires and another may take it over. */
  stop(): void {
    clearInterval(this.timer);
  }

  private claim(roomName: string): Promise<boolean> {
    const now = this.now();
    return this.store.claimLease(roomName, this.owner, new Date(now.getTime() + this.leaseMs).toISOString(), now.toISOString());
  }

  private storeOp<T>(roomName: string, op: () => Promise<T>): Promise<T> {
    return inOrder(this.storeOps, roomName, op);
  }

  private async renew(): Promise<void> {
    for (const roomName of [...this.holds.keys()]) {
      // Lost: this worker stalled past the lease and another took the job over.
      const renewed = await this.storeOp(roomName, () => this.claim(roomName)).catch(() => false);
      if (!renewed && this.holds.has(roomName)) this.onLost(roomName);
    }
  }
}

/** Runs `work` after everything queued before it under `key` (whatever their outcome). */
function inOrder<T>(queues: Map<string, Promise<unknown>>, key: string, work: () => Promise<T>): Promise<T> {
  const result = (queues.get(key) ?? Promise.resolve()).then(work, work);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return result;
}
