import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../db';
import { JanusMediaSource } from '../pipeline/janus-media-source';
import { mediaDuration } from '../pipeline/probe';
import { JanusTrackRecordings } from './janus-track-recordings';
import { recordingFolderName } from './janus-rooms';
import { salvageInterruptedRecordings } from './salvage-recordings';
import { recordRealMjr } from './test-support/real-mjr';

jest.setTimeout(30_000);

describe('recordings Janus never closed (a kill mid-call)', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salvage-'));
    db = openDb(join(dir, 'db.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are listed as tracks and converted up to the last whole packet', async () => {
    const roomDir = join(dir, 'recordings', recordingFolderName('esc-crash'));
    mkdirSync(roomDir, { recursive: true });
    const name = 'videoroom-1234-user-77-1700000000000000-audio-0.mjr';
    // A real 3 s recording, cut off mid-packet the way a SIGKILL leaves it, still under its .tmp name.
    const whole = join(dir, 'whole.mjr');
    await recordRealMjr(whole, 3);
    const partial = join(roomDir, `${name}.tmp`);
    copyFileSync(whole, partial);
    truncateSync(partial, Math.floor(statSync(whole).size * 0.55) + 1);

    const tracks = new JanusTrackRecordings({ db, recordingsDir: join(dir, 'recordings'), settleTimeoutMs: 50 });
    const listed = await tracks.list({ name: 'esc-crash', sid: 'not-a-janus-id' });
    expect(listed).toEqual([
      expect.objectContaining({ kind: 'audio', source: 'microphone', path: join(roomDir, name), participantIdentity: 'publisher:77' }),
    ]);
    expect(readdirSync(roomDir)).toEqual([name]);

    const { media } = await new JanusMediaSource(tracks, { dataDir: dir }).prepare({ name: 'esc-crash', sid: 'x' }, 'REcrash');
    expect(media).toHaveLength(1);
    const seconds = await mediaDuration(media[0].path);
    expect(seconds).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(2.5); // the part before the cut, not the whole 3 s
  });

  it('leave a closed copy alone and touch nothing else', async () => {
    const names = ['a-audio-0.mjr', 'a-audio-0.mjr.tmp', 'b-video-1.mjr.tmp', 'notes.txt'];
    for (const n of names) writeFileSync(join(dir, n), n);
    const after = await salvageInterruptedRecordings(dir, names);
    expect(after.sort()).toEqual(['a-audio-0.mjr', 'a-audio-0.mjr.tmp', 'b-video-1.mjr', 'notes.txt']);
    expect(existsSync(join(dir, 'b-video-1.mjr'))).toBe(true);
    expect(existsSync(join(dir, 'b-video-1.mjr.tmp'))).toBe(false);
  });
});
