import { mkdir, open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RoomRef } from '../../../ports/rooms';
import type { LeftOutTrack } from '../../../domain/media';
import type { ParticipantMedia, PreparedMedia } from './local-media';
import { mediaDuration } from './probe';
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

  async prepare(room: RoomRef, recordingId: string): Promise<PreparedMedia> {
    const recorded = await this.tracks.list(room);
    if (recorded.length === 0) return { media: [], leftOut: [] };
    const dir = join(recordingDir(this.o.dataDir, recordingId), 'tracks');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // A header without a first-packet time is a track that never received media (a supervisor who
    // barged in with audio only leaves one for video): it has no place on the timeline.
    const headers = await Promise.all(recorded.map((t) => this.header(t.path).catch((e: unknown) => e as Error)));
    const started = headers.filter((h): h is MjrHeader => !(h instanceof Error) && h.firstPacketUs > 0);
    const origin = Math.min(...started.map((h) => h.firstPacketUs));
    const media: ParticipantMedia[] = [];
    const leftOut: LeftOutTrack[] = [];
    for (const [i, t] of recorded.entries()) {
      const h = headers[i];
      const leave = (reason: string) => leftOut.push({ participantIdentity: t.participantIdentity, kind: t.kind, source: t.source, reason });
      if (h instanceof Error || h.firstPacketUs <= 0) {
        leave('never started: no media packet was recorded');
        continue;
      }
      const target = join(dir, `${basename(t.path, '.mjr')}.${extensionForCodec(h.codec)}`);
      const unusable = await this.convert(t.path, target);
      if (unusable) {
        leave(unusable);
        continue;
      }
      media.push({
        participantIdentity: t.participantIdentity,
        role: t.role,
        kind: t.kind,
        source: t.source,
        path: target,
        startOffsetSeconds: (h.firstPacketUs - origin) / 1e6,
        recordedFrom: t.path,
      });
    }
    return { media, leftOut };
  }

  /**
   * janus-pp-rec, then a check that ffmpeg can read a moment of media from the result (a track cut
   * at its first packet converts to a file with no frame in it). Returns why the track is unusable.
   */
  private async convert(from: string, target: string): Promise<string | null> {
    try {
      await execTool(this.o.janusPpRec ?? 'janus-pp-rec', [from, target], { timeoutMs: 5 * 60_000 });
    } catch (e) {
      return `could not be converted: ${firstLine(e)}`;
    }
    try {
      if ((await mediaDuration(target)) > 0) return null;
    } catch {
      // no readable frame
    }
    return 'no playable media in the recorded file';
  }
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
