import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineJob, PipelineState } from '../../../domain/pipeline-job';
import { readStoredFile, isSealedFile } from '../crypto/stored-files';
import { memoryKeyRing } from '../crypto/test-support/memory-key-ring';
import { sealFinishedRecordings, sealRecordingFiles } from './seal-finished-recordings';

const ring = memoryKeyRing();
let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'seal-rec-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const job = (roomName: string, recordingId: string, state: PipelineState, extra: Partial<PipelineJob> = {}) =>
  ({ roomName, recordingId, state, ...extra }) as PipelineJob;

/** A recording's files as the pipeline leaves them: raw tracks in plaintext, work files, the sealed outputs. */
function recordingFiles(room: string, id: string): string[] {
  const files = [
    join(dataDir, 'recordings', room, 'videoroom-1-user-2-3-audio-0.mjr'),
    join(dataDir, 'recordings', room, 'videoroom-1-user-2-3-video-1.mjr'),
    join(dataDir, 'compositions', id, 'tracks', 'videoroom-1-user-2-3-audio-0.opus'),
    join(dataDir, 'compositions', id, 'work', `${id}-speech-0.tabc.wav`),
  ];
  for (const f of files) {
    mkdirSync(join(f, '..'), { recursive: true });
    writeFileSync(f, `plain media of ${f}`);
    utimesSync(f, new Date('2026-01-02T03:04:05Z'), new Date('2026-01-02T03:04:05Z'));
  }
  return files;
}

const sealedFlags = (files: string[]) => Promise.all(files.map((f) => isSealedFile(f)));

describe('sealing a finished recording', () => {
  it('seals its raw tracks, converted tracks and WAVs in place, keeping their times; again is a no-op', async () => {
    const files = recordingFiles('esc-1', 'RE1');
    expect(await sealRecordingFiles(dataDir, ring, job('esc-1', 'RE1', 'attached'))).toBe(4);
    expect(await sealedFlags(files)).toEqual([true, true, true, true]);
    for (const f of files) {
      expect((await readStoredFile(f, ring)).toString()).toBe(`plain media of ${f}`);
      expect(statSync(f).mtime.toISOString()).toBe('2026-01-02T03:04:05.000Z');
      expect(statSync(f).mode & 0o777).toBe(0o600);
    }
    const once = files.map((f) => readFileSync(f));
    expect(await sealRecordingFiles(dataDir, ring, job('esc-1', 'RE1', 'attached'))).toBe(0);
    expect(files.map((f) => readFileSync(f))).toEqual(once);
  });

  it('at start: seals finished jobs left in plaintext, not running ones, deleted ones, or folders with no job', async () => {
    const done = recordingFiles('esc-done', 'REdone');
    const failed = recordingFiles('esc-failed', 'REfailed');
    const running = recordingFiles('esc-running', 'RErunning');
    const deleted = recordingFiles('esc-deleted', 'REdeleted');
    const orphan = recordingFiles('esc-orphan', 'REorphan');
    const jobs = [
      job('esc-done', 'REdone', 'attached'),
      job('esc-failed', 'REfailed', 'failed'),
      job('esc-running', 'RErunning', 'processing'),
      job('esc-deleted', 'REdeleted', 'attached', { mediaDeletion: { state: 'deleting', reason: 'retention', startedAt: '2026-01-01T00:00:00Z' } }),
    ];
    const store = {
      get: async (room: string) => jobs.find((j) => j.roomName === room) ?? null,
      getByRecordingId: async (id: string) => jobs.find((j) => j.recordingId === id) ?? null,
    };
    expect(await sealFinishedRecordings(dataDir, ring, store)).toBe(8);
    expect(await sealedFlags([...done, ...failed])).toEqual(Array(8).fill(true));
    expect(await sealedFlags([...running, ...deleted, ...orphan])).toEqual(Array(12).fill(false));
  });

  it('a file retention deleted first is not sealed back into existence', async () => {
    const [mjr] = recordingFiles('esc-gone', 'REgone');
    rmSync(mjr);
    await sealRecordingFiles(dataDir, ring, job('esc-gone', 'REgone', 'attached'));
    expect(() => statSync(mjr)).toThrow(/ENOENT/);
  });
});
