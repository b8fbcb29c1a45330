import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrackRecording } from '../../../ports/track-recordings';
import { recordRealMjr } from '../janus/test-support/real-mjr';
import { execTool } from './exec';
import { extensionForCodec, JanusMediaSource, parseMjrHeaderJson } from './janus-media-source';
import { mediaDuration } from './probe';

/** A header-only MJR00002 file: magic, 2-byte length, JSON header (what Janus writes first). */
function headerOnlyMjr(path: string, header: Record<string, unknown>): void {
  const json = JSON.stringify(header);
  const buf = Buffer.alloc(10 + json.length);
  buf.write('MJR00002', 0);
  buf.writeUInt16BE(json.length, 8);
  buf.write(json, 10);
  writeFileSync(path, buf);
}

describe('.mjr headers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mjr-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads codec and first-packet time from real `janus-pp-rec -j` output', async () => {
    const path = join(dir, 'audio.mjr');
    headerOnlyMjr(path, { t: 'a', c: 'opus', s: 1700000000000000, u: 1700000000250000 });
    const { stdout } = await execTool('janus-pp-rec', ['-j', path]);
    expect(parseMjrHeaderJson(stdout)).toEqual({ codec: 'opus', firstPacketUs: 1700000000250000 });
  });

  it('rejects output without a header and maps codecs to containers', () => {
    expect(() => parseMjrHeaderJson('[WARN] nothing here')).toThrow();
    expect(extensionForCodec('opus')).toBe('opus');
    expect(extensionForCodec('vp8')).toBe('webm');
    expect(extensionForCodec('h264')).toBe('mkv');
  });
});

describe('tracks without media', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mjr-empty-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const track = (participantIdentity: string, kind: 'audio' | 'video', file: string): TrackRecording => ({
    participantIdentity,
    role: participantIdentity === 'agent:alex' ? 'agent' : 'customer',
    kind,
    source: kind === 'audio' ? 'microphone' : 'camera',
    path: join(dir, file),
    format: 'mjr',
  });

  it('are left out with a reason, and the rest of the call is still converted', async () => {
    // The agent's real audio: two seconds of Opus written by Janus's own pcap2mjr.
    await recordRealMjr(join(dir, 'agent-audio.mjr'), 2);
    // A barge-in's video: Janus opened the file, but no packet ever came (no first-packet time).
    headerOnlyMjr(join(dir, 'supervisor-video.mjr'), { t: 'v', c: 'vp8', s: Date.now() * 1000 });
    // A camera turned off for the whole call: a header with a first-packet time and no packet after it.
    headerOnlyMjr(join(dir, 'customer-video.mjr'), { t: 'v', c: 'vp8', s: Date.now() * 1000, u: Date.now() * 1000 });
    // A track cut inside its first packet: the header, the frame's "MEET" marker and half a packet.
    const whole = readFileSync(join(dir, 'agent-audio.mjr'));
    const headerEnd = 10 + whole.readUInt16BE(8);
    copyFileSync(join(dir, 'agent-audio.mjr'), join(dir, 'customer-audio.mjr'));
    writeFileSync(join(dir, 'customer-audio.mjr'), whole.subarray(0, headerEnd + 10 + 20));

    const listed = [
      track('agent:alex', 'audio', 'agent-audio.mjr'),
      track('customer:jordan', 'video', 'customer-video.mjr'),
      track('customer:jordan', 'audio', 'customer-audio.mjr'),
      track('supervisor:sam', 'video', 'supervisor-video.mjr'),
    ];
    const source = new JanusMediaSource({ list: async () => listed }, { dataDir: dir });
    const { media, leftOut } = await source.prepare({ name: 'esc-empty', sid: '1' }, 'REempty');

    expect(media.map((m) => `${m.participantIdentity}/${m.kind}`)).toEqual(['agent:alex/audio']);
    expect(media[0].startOffsetSeconds).toBe(0);
    expect(await mediaDuration(media[0].path)).toBeGreaterThan(1.5);
    expect(leftOut).toEqual([
      { participantIdentity: 'customer:jordan', kind: 'video', source: 'camera', reason: expect.stringMatching(/no playable media|could not be converted/) },
      { participantIdentity: 'customer:jordan', kind: 'audio', source: 'microphone', reason: expect.stringMatching(/no playable media|could not be converted/) },
      { participantIdentity: 'supervisor:sam', kind: 'video', source: 'camera', reason: 'never started: no media packet was recorded' },
    ]);
  });
});
