import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type PipelineStore } from '../../../ports/pipeline-store';
import { TERMINAL_STATES, type PipelineJob } from '../../../domain/pipeline-job';
import type { MediaKeyRing } from '../crypto/key-ring';
import { sealFile } from '../crypto/seal';
import { recordingFolderName } from '../janus/janus-rooms';
import { filesUnder } from './files-under';
import { recordingDir } from './local-artifacts';

/** Sealing's own temp files (seal.ts) are never sealed themselves. */
const SEALING_TEMP = /\.seal-\d+-[0-9a-f]+\.tmp$/;

/** Whether the pipeline is done with a job's files and they still exist to seal. */
export const sealable = (job: PipelineJob): boolean => TERMINAL_STATES.includes(job.state) && !job.mediaDeletion;

/**
 * Seals, in place, every file a finished recording still has in plaintext: Janus's raw `.mjr`
 * tracks (and what else is in its room folder), the converted tracks and WAVs under `work/` and
 * `tracks/`, and anything written before encryption existed. Runs once the job is terminal,
 * since janus-pp-rec, ffmpeg and the speech engines need plain files while it runs. Idempotent:
 * sealed files are left alone. Returns how many files it sealed.
 */
export async function sealRecordingFiles(dataDir: string, ring: MediaKeyRing, job: Pick<PipelineJob, 'roomName' | 'recordingId'>): Promise<number> {
  const dirs = [resolve(dataDir, 'recordings', recordingFolderName(job.roomName)), recordingDir(resolve(dataDir), job.recordingId)];
  let sealed = 0;
  for (const dir of dirs) {
    for (const file of (await filesUnder(dir)).filter((f) => !SEALING_TEMP.test(f))) if (await sealFile(file, file, ring, { keepTimes: true })) sealed++;
  }
  return sealed;
}

/**
 * At start: seals the files of every finished recording left in plaintext, by a crash between a
 * job's end and its sealing, or by a version that did not encrypt. Folders with no job (a
 * retake's discarded takes) are not the pipeline's and are left alone.
 */
export async function sealFinishedRecordings(dataDir: string, ring: MediaKeyRing, store: Pick<PipelineStore, 'get' | 'getByRecordingId'>): Promise<number> {
  const jobs = new Map<string, PipelineJob>();
  const names = async (dir: string) => (await readdir(resolve(dataDir, dir)).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
  for (const id of await names('compositions')) {
    const job = /^[A-Za-z0-9_-]+$/.test(id) ? await store.getByRecordingId(id) : null;
    if (job) jobs.set(job.roomName, job);
  }
  for (const room of await names('recordings')) {
    const job = jobs.has(room) ? null : await store.get(room);
    if (job) jobs.set(job.roomName, job);
  }
  let sealed = 0;
  for (const job of jobs.values()) if (sealable(job)) sealed += await sealRecordingFiles(dataDir, ring, job);
  return sealed;
}
