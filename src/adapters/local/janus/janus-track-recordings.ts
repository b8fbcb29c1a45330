import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TrackRecording, TrackRecordingsPort } from '../../../ports/track-recordings';
import type { RoomRef } from '../../../ports/rooms';
import type { Db } from '../db';
import { JanusGrants } from './janus-grants';
import { recordingFolderName } from './janus-rooms';
import { parseRecordingFileName } from './recording-files';
import { salvageInterruptedRecordings } from './salvage-recordings';

export interface JanusTrackRecordingsOptions {
  db: Db;
  recordingsDir: string;
  /** How long to wait for recordings still being closed (`*.mjr.tmp`) after the room ended (default 5 s). */
  settleTimeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Lists an ended room's `.mjr` files, each mapped to who published it through the publisher ids
 * JanusRooms assigned. Janus writes `*.mjr.tmp` while recording and renames on close, so a `.mjr`
 * is complete; we wait briefly for stragglers after the room was destroyed, then salvage what
 * never closed (a killed Janus) as ordinary tracks.
 */
export class JanusTrackRecordings implements TrackRecordingsPort {
  private readonly grants: JanusGrants;

  constructor(private readonly options: JanusTrackRecordingsOptions) {
    this.grants = new JanusGrants(options.db);
  }

  async list(ref: RoomRef): Promise<TrackRecording[]> {
    const room = this.grants.roomByName(ref.name) ?? (/^\d+$/.test(ref.sid) ? this.grants.roomById(Number(ref.sid)) : null);
    const dir = room?.recDir ?? resolve(this.options.recordingsDir, recordingFolderName(ref.name));
    const names = await salvageInterruptedRecordings(dir, await this.settledNames(dir));
    const out: TrackRecording[] = [];
    for (const name of names.sort()) {
      const parsed = parseRecordingFileName(name);
      if (!parsed || parsed.kind === 'data') continue;
      if (room && parsed.roomId !== String(room.roomId)) continue;
      const owner = room ? this.grants.publisher(room.roomId, parsed.publisherId) : null;
      const source = owner?.source === 'screen' ? 'screen' : parsed.kind === 'audio' ? 'microphone' : 'camera';
      out.push({
        participantIdentity: owner?.grant.identity ?? `publisher:${parsed.publisherId}`,
        role: owner?.grant.role ?? 'unknown',
        kind: parsed.kind,
        source,
        path: join(dir, name),
        format: 'mjr',
      });
    }
    return out;
  }

  private async settledNames(dir: string): Promise<string[]> {
    const deadline = Date.now() + (this.options.settleTimeoutMs ?? 5000);
    for (;;) {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
      if (!names.some((n) => n.endsWith('.mjr.tmp')) || Date.now() > deadline) return names;
      await sleep(100);
    }
  }
}
