import { mkdir, open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RoomRef } from '../../../ports/rooms';
import type { ParticipantMedia } from './local-media';
import type { TrackRecordingsPort } from '../../../ports/track-recordings';
import { execTool } from './exec';
import { recordingDir } from './local-artifacts';

/** The `.mjr` header: codec and first-packet time (µs since the epoch). */
export interface MjrHeader {
  codec: string;
  firstPacketUs: number;
}

/** janus-pp-rec picks the container by extension; these need no transcoding. */
export function extensionForCodec(codec: string): string {
  const c = codec.toLowerCase();
  if (c === 'opus' || c === 'multiopus') return 'opus';
  if (c === 'pcmu' || c === 'pcma' || c === 'g711') return 'wav';
  if (c === 'vp8' || c === 'vp9') return 'webm';
  return 'mkv'; // h264, av1, h265
}

/** Picks the header JSON (`{"t":…,"c":…,"u":…}`) out of `janus-pp-rec -j` output. */
export function parseMjrHeaderJson(text: string): MjrHeader {
  for (const line of text.split('\n')) {
    const start = line.indexOf('{');
    if (start < 0) continue;
    try {
      const j = JSON.parse(line.slice(start)) as { c?: unknown; u?: unknown };
      if (typeof j.c === 'string' && typeof j.u === 'number') return { codec: j.c, firstPacketUs: j.u };
    } catch {
      // not the header line
    }
  }
  throw new Error('no .mjr header with codec and first-packet time');
}

/** Reads the header straight from the file (MJR00002 + 2-byte length + JSON): a fallback when -j prints nothing usable. */
async function readMjrHeader(path: string): Promise<MjrHeader> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(10);
    await fh.read(head, 0, 10, 0);
    if (!head.subarray(0, 3).equals(Buffer.from('MJR'))) throw new Error(`${path} is not an .mjr file`);
    const len = head.readUInt16BE(8);
    const json = Buffer.alloc(len);
    await fh.read(json, 0, len, 10);
    return parseMjrHeaderJson(json.toString('utf8'));
  } finally {
    await fh.close();
  }
}

/**
 * Local raw-recording conversion: each Janus `.mjr` becomes an ordinary file with janus-pp-rec,
 * and each track is placed on the call's timeline by its first-packet time (`janus-pp-rec -j`),
 * so audio and video of different participants line up.
 */
export class JanusMediaSource {
  constructor(
    private readonly tracks: TrackRecordingsPort,
    private readonly o: { dataDir: string; janusPpRec?: string },
  ) {}

  private async header(path: string): Promise<MjrHeader> {
    try {
      const { stdout } = await execTool(this.o.janusPpRec ?? 'janus-pp-rec', ['-j', path], { timeoutMs: 30_000 });
      return parseMjrHeaderJson(stdout);
    } catch {
      return readMjrHeader(path);
    }
  }

  async prepare(room: RoomRef, recordingId: string): Promise<ParticipantMedia[]> {
    const recorded = await this.tracks.list(room);
    if (recorded.length === 0) return [];
    const dir = join(recordingDir(this.o.dataDir, recordingId), 'tracks');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const headers = await Promise.all(recorded.map((t) => this.header(t.path)));
    const origin = Math.min(...headers.map((h) => h.firstPacketUs));
    const out: ParticipantMedia[] = [];
    for (const [i, t] of recorded.entries()) {
      const h = headers[i];
      const target = join(dir, `${basename(t.path, '.mjr')}.${extensionForCodec(h.codec)}`);
      await execTool(this.o.janusPpRec ?? 'janus-pp-rec', [t.path, target], { timeoutMs: 5 * 60_000 });
      out.push({
        participantIdentity: t.participantIdentity,
        role: t.role,
        kind: t.kind,
        source: t.source,
        path: target,
        startOffsetSeconds: (h.firstPacketUs - origin) / 1e6,
        recordedFrom: t.path,
      });
    }
    return out;
  }
}
