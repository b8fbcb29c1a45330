import { compositionFailed, compositionReady } from '../../../core/pipeline/composition-events';
import type { PipelineDeps } from '../../../core/pipeline/deps';
import type { CompositionEvent, CompositionFailedEvent, TranscriptEvent, TranscriptFailedEvent } from '../../../core/pipeline/events';
import { transcriptFailed, transcriptReady } from '../../../core/pipeline/transcript-events';
import { DomainError } from '../../../domain/errors';

/**
 * How local engines report finished work: through the very same core use cases a Twilio webhook
 * calls. Bound to the pipeline once it is built (the engines are part of what it is built from).
 * An event that beats the job's own bookkeeping (`job_not_ready`) is delivered again shortly.
 */
export class LocalPipelineEvents {
  private deps?: PipelineDeps;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly onError: (what: string, e: unknown) => void) {}

  bind(deps: PipelineDeps): void {
    this.deps = deps;
  }

  compositionReady = (e: CompositionEvent) => this.deliver('compositionReady', (d) => compositionReady(d, e));
  compositionFailed = (e: CompositionFailedEvent) => this.deliver('compositionFailed', (d) => compositionFailed(d, e));
  transcriptReady = (e: TranscriptEvent) => this.deliver('transcriptReady', (d) => transcriptReady(d, e));
  transcriptFailed = (e: TranscriptFailedEvent) => this.deliver('transcriptFailed', (d) => transcriptFailed(d, e));

  /** Resolves once every delivery started so far (and what it set off in this process) is done. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Background work (ffmpeg, an engine run) whose report `idle()` must also wait for. */
  track(work: Promise<unknown>): void {
    const task = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  private deliver(what: string, run: (deps: PipelineDeps) => Promise<unknown>): void {
    const task = (async () => {
      const deps = this.deps;
      if (!deps) throw new Error('local pipeline events are not bound');
      for (let attempt = 0; ; attempt++) {
        try {
          await run(deps);
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
