import type { PipelineJob } from '../../domain/pipeline-job';
import type { RecordingMediaStore } from '../../ports/recording-media-store';
import type { MemoryArtifacts } from '../pipeline/test-support/in-memory';

/**
 * RecordingMediaStore for unit tests: each recording has some media items (bytes each), and its
 * captions and transcript are the MemoryArtifacts files. `failAfter` makes a delete throw after
 * that many items went, as a crash halfway through would leave it.
 */
export class MemoryRecordingMedia implements RecordingMediaStore {
  /** Media items left per recording id, each with its size. */
  readonly media = new Map<string, number[]>();
  deleteCalls: string[] = [];
  failAfter: number | null = null;

  constructor(private readonly artifacts?: MemoryArtifacts) {}

  seed(recordingId: string, items: number[] = [1000, 2000, 3000]): void {
    this.media.set(recordingId, [...items]);
  }

  async countMedia(job: PipelineJob): Promise<number> {
    return this.media.get(job.recordingId)?.length ?? 0;
  }

  async deleteMedia(job: PipelineJob): Promise<number> {
    this.deleteCalls.push(job.recordingId);
    const items = this.media.get(job.recordingId) ?? [];
    let deleted = 0;
    while (items.length > 0) {
      if (this.failAfter !== null && deleted >= this.failAfter) throw new Error('disk went away halfway');
      items.pop();
      deleted++;
    }
    return deleted;
  }

  async deleteTranscriptArtifacts(job: PipelineJob): Promise<number> {
    let deleted = 0;
    for (const name of ['captions.vtt', 'transcript.json']) {
      if (this.artifacts?.files.delete(`${job.recordingId}/${name}`)) deleted++;
    }
    return deleted;
  }

  async mediaBytes(job: PipelineJob): Promise<number> {
    return (this.media.get(job.recordingId) ?? []).reduce((a, b) => a + b, 0);
  }
}
