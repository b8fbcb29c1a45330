import { compositionFailed, compositionReady } from '../../../core/pipeline/compose/composition-events';
import type { PipelineDeps } from '../../../core/pipeline/deps';
import type { CompositionEvent, CompositionFailedEvent, TranscriptEvent, TranscriptFailedEvent } from '../../../core/pipeline/events';
import { transcriptFailed, transcriptReady } from '../../../core/pipeline/text/transcript-events';
import { DomainError } from '../../../domain/errors';
import type { JobLeases } from './job-leases';

/**
 * How local engines report finished work: through the very same core use cases a Twilio webhook
 * calls. Bound to the pipeline once it is built (the engines are part of what it is built from).
 * Each report is a step under the job's lease (see JobLeases); background work keeps the lease
 * while it runs. An event that beats the job's own bookkeeping (`job_not_ready`) is delivered
 * again shortly.
 */
export class LocalPipelineEvents {
  private deps?: PipelineDeps;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly onError: (what: string, e: unknown) => void,
    private readonly leases?: JobLeases,
  ) {}

  bind(deps: PipelineDeps): void {
    this.deps = deps;
  }

  compositionReady = (e: CompositionEvent) => this.deliver('compositionReady', e.roomName, (d) => compositionReady(d, e));
  compositionFailed = (e: CompositionFailedEvent) => this.deliver('compositionFailed', e.roomName, (d) => compositionFailed(d, e));
  transcriptReady = (e: TranscriptEvent) => this.deliver('transcriptReady', e.roomName, (d) => transcriptReady(d, e));
  transcriptFailed = (e: TranscriptFailedEvent) => this.deliver('transcriptFailed', e.roomName, (d) => transcriptFailed(d, e));

  /** Resolves once every delivery started so far (and what it set off in this process) is done. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Background work (ffmpeg, an engine run) whose report `idle()` must also wait for; with a
   * job's room, the job's lease is kept until the work (and the report it hands on) has ended.
   */
  track(work: Promise<unknown>, roomName?: string): void {
    const held = roomName && this.leases ? this.leases.hold(roomName) : Promise.resolve(null);
    const task = work.then(
      () => undefined,
      () => undefined,
    );
    const done = task.then(async () => (await held.catch(() => null))?.());
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  private deliver(what: string, roomName: string, run: (deps: PipelineDeps) => Promise<unknown>): void {
    const step = (deps: PipelineDeps) => (this.leases ? this.leases.run(roomName, () => run(deps)) : run(deps));
    const task = (async () => {
      const deps = this.deps;
      if (!deps) throw new Error('local pipeline events are not bound');
      for (let attempt = 0; ; attempt++) {
        try {
          // Another worker holding the job (null) moves it on itself: nothing to deliver here.
          await step(deps);
          return;
        } catch (e) {
          const early = e instanceof DomainError && e.code === 'job_not_ready';
          if (!early || attempt >= 200) throw e;
          await new Promise((r) => setTimeout(r, 25));
        }
      }
    })().catch((e) => this.onError(what, e));
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }
}
