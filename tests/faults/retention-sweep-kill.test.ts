import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dbPath, openDb } from '../../src/adapters/local/db';
import { MEDIA_DELETED_TEXT, type MediaDeletion } from '../../src/domain/privacy';
import { seedClosedRecordings, type SeededRecording } from './support/retention-seed';

/**
 * The retention sweep (`npm run retention:sweep`) is SIGKILLed in the middle of deleting a
 * recording's files, then run again: every due recording ends fully deleted AND marked, nothing
 * is left half-deleted, and the transcripts and captions are intact. RETENTION_SWEEP_PACE_MS
 * spaces the deletions (in production: so a sweep leaves disk IO to live calls), which makes
 * "halfway" a window the test can hit every time.
 */
jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
let work: string;
let dataDir: string;
let seeded: SeededRecording[];
const env = () => ({ ...process.env, DATA_DIR: dataDir, MEDIA_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn' });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 've-retention-kill-'));
  dataDir = join(work, 'data');
  seeded = await seedClosedRecordings(dataDir, 3, 100);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sweep = (extra: Record<string, string> = {}): ChildProcess =>
  spawn(`${ROOT}/node_modules/.bin/tsx`, ['scripts/retention-sweep.ts'], {
    cwd: ROOT,
    env: { ...env(), ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the script in a child node, and the kill must reach both.
    detached: true,
  });

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) =>
    child.once('close', (code) => {
      child.stdout?.destroy();
      child.stderr?.destroy();
      r(code);
    }),
  );

/** The jobs' deletion state, read through a connection of the test's own. */
function deletions(): Map<string, MediaDeletion | undefined> {
  const db = openDb(dbPath(dataDir));
  try {
    const rows = db.prepare('SELECT room_name, job_json FROM ve_pipeline_jobs').all() as { room_name: string; job_json: string }[];
    return new Map(rows.map((r) => [r.room_name, (JSON.parse(r.job_json) as { mediaDeletion?: MediaDeletion }).mediaDeletion]));
  } finally {
    db.close();
  }
}

const present = (files: string[]) => files.filter((f) => existsSync(f)).length;

it('a sweep killed halfway through a recording, run again, leaves every recording fully deleted and marked', async () => {
  const child = sweep({ RETENTION_SWEEP_PACE_MS: '400' });
  const exit = exited(child);
  // Halfway: one recording has its intent on record and some, not all, of its files gone.
  let victim: SeededRecording | undefined;
  const deadline = Date.now() + 60_000;
  while (!victim && Date.now() < deadline) {
    const states = deletions();
    victim = seeded.find((r) => states.get(r.job.roomName)?.state === 'deleting' && present(r.mediaFiles) > 0 && present(r.mediaFiles) < r.mediaFiles.length);
    if (!victim) await new Promise((r) => setTimeout(r, 15));
  }
  expect(victim).toBeDefined();
  process.kill(-(child.pid as number), 'SIGKILL');
  await exit;

  // What the kill left: the victim half-deleted but with its intent on record; the rest untouched.
  const afterKill = deletions();
  expect(afterKill.get(victim!.job.roomName)?.state).toBe('deleting');
  expect(present(victim!.mediaFiles)).toBeGreaterThan(0);
  for (const r of seeded) {
    const state = afterKill.get(r.job.roomName);
    // Never media gone without an intent, never marked deleted with media left.
    if (present(r.mediaFiles) < r.mediaFiles.length) expect(state).toBeDefined();
    if (state?.state === 'deleted') expect(present(r.mediaFiles)).toBe(0);
  }
  expect(seeded.filter((r) => !afterKill.get(r.job.roomName)).length).toBeGreaterThan(0);

  // Run again, to the end.
  const rerun = sweep();
  let out = '';
  rerun.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  expect(await exited(rerun)).toBe(0);
  const report = JSON.parse(out.trim().split('\n').pop() as string).retentionSweep;
  expect(report).toMatchObject({ resumed: 1, failed: 0, mediaDeleted: seeded.length - [...afterKill.values()].filter((d) => d?.state === 'deleted').length });

  const final = deletions();
  const db = openDb(dbPath(dataDir));
  try {
    for (const r of seeded) {
      expect(final.get(r.job.roomName)).toMatchObject({ state: 'deleted', reason: 'retention', deletedAt: expect.any(String) });
      expect(present(r.mediaFiles)).toBe(0);
      expect(existsSync(join(dataDir, 'recordings', r.job.roomName))).toBe(false);
      // The transcript and captions are kept, whole.
      expect(JSON.parse(readFileSync(r.textFiles[1], 'utf8')).segments[0].text).toMatch(/^printer number \d jams$/);
      expect(readFileSync(r.textFiles[0], 'utf8')).toMatch(/^WEBVTT/);
      const message = db
        .prepare("SELECT body, attributes_json FROM ve_conversation_messages WHERE conversation_id = ? AND attributes_json LIKE '%video-recording%'")
        .get(r.conversationId) as { body: string; attributes_json: string };
      expect(message.body).toContain(MEDIA_DELETED_TEXT);
      expect(JSON.parse(message.attributes_json)).toMatchObject({ videoStatus: 'deleted', mediaDeleted: { reason: 'retention' } });
      expect(JSON.parse(message.attributes_json).mediaUrl).toBeUndefined();
    }
    // One audit entry per recording, however many runs it took.
    const audits = db.prepare("SELECT subject FROM ve_audit_log WHERE action = 'retention.media_deleted'").all() as { subject: string }[];
    expect(audits.map((a) => a.subject).sort()).toEqual(seeded.map((r) => r.job.recordingId).sort());
  } finally {
    db.close();
  }
});
