import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PipelineJob } from '../../../domain/pipeline-job';
import type { RecordingMediaStore } from '../../../ports/recording-media-store';
import { recordingFolderName } from '../janus/janus-rooms';
import { filesUnder } from './files-under';
import { recordingDir } from './local-artifacts';

/** What stays after the media goes: the (redacted) transcript and its captions. */
const TEXT_ARTIFACTS = ['captions.vtt', 'transcript.json'];

/**
 * A recording's files on disk: Janus's raw `.mjr` tracks under `<dataDir>/recordings/<room>/`,
 * and under `<dataDir>/compositions/<recordingId>/` the converted tracks, WAVs, work files and
 * the composed `video.mp4`, beside the captions and transcript that outlive them. A file already
 * gone counts as deleted, so a killed sweep simply runs again.
 */
export class LocalRecordingMedia implements RecordingMediaStore {
  constructor(
    private readonly dataDir: string,
    /** Pause between files (RETENTION_SWEEP_PACE_MS): a sweep's deletions leave disk IO to live calls. */
    private readonly paceMs = 0,
  ) {}

  async countMedia(job: PipelineJob): Promise<number> {
    return (await this.mediaFiles(job)).length;
  }

  async deleteMedia(job: PipelineJob): Promise<number> {
    let deleted = 0;
    // A file the pipeline sealed in place (a rename over it) while this ran shows up again:
    // passes go on until a listing comes back empty, so nothing is marked deleted with media left.
    for (let pass = 0; pass < 5; pass++) {
      const files = await this.mediaFiles(job);
      if (files.length === 0) break;
      for (const [i, f] of files.entries()) {
        if (i > 0 && this.paceMs > 0) await new Promise((r) => setTimeout(r, this.paceMs));
        await rm(f, { force: true });
      }
      deleted += files.length;
    }
    if ((await this.mediaFiles(job)).length > 0) throw new Error(`media of ${job.recordingId} keeps reappearing; left for the next sweep`);
    await removeEmptyDirs(this.rawDir(job));
    await removeEmptyDirs(this.outputDir(job));
    return deleted;
  }

  async deleteTranscriptArtifacts(job: PipelineJob): Promise<number> {
    let deleted = 0;
    for (const name of TEXT_ARTIFACTS) {
      const path = join(this.outputDir(job), name);
      if (await exists(path)) {
        await rm(path, { force: true });
        deleted++;
      }
    }
    await removeEmptyDirs(this.outputDir(job));
    return deleted;
  }

  async mediaBytes(job: PipelineJob): Promise<number> {
    let total = 0;
    for (const f of await this.mediaFiles(job)) total += (await stat(f).catch(() => ({ size: 0 }))).size;
    return total;
  }

  private rawDir(job: PipelineJob): string {
    return resolve(this.dataDir, 'recordings', recordingFolderName(job.roomName));
  }

  private outputDir(job: PipelineJob): string {
    return recordingDir(resolve(this.dataDir), job.recordingId);
  }

  /** Every file of the recording except its captions and transcript. */
  private async mediaFiles(job: PipelineJob): Promise<string[]> {
    const out = await filesUnder(this.outputDir(job));
    const kept = new Set(TEXT_ARTIFACTS.map((n) => join(this.outputDir(job), n)));
    return [...(await filesUnder(this.rawDir(job))), ...out.filter((f) => !kept.has(f))];
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Removes `dir` and its subfolders where they are empty. */
async function removeEmptyDirs(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) if (e.isDirectory()) await removeEmptyDirs(join(dir, e.name));
  await rmdir(dir).catch(() => undefined);
}
