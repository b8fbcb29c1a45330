import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A classic pcap (Ethernet link type) of UDP datagrams, as pcap2mjr reads them. */
function pcapOf(packets: { atMs: number; payload: Buffer }[]): Buffer {
  const head = Buffer.alloc(24);
  head.writeUInt32LE(0xa1b2c3d4, 0);
  head.writeUInt16LE(2, 4);
  head.writeUInt16LE(4, 6);
  head.writeUInt32LE(65535, 16);
  head.writeUInt32LE(1, 20);
  const parts = [head];
  for (const { atMs, payload } of packets) {
    const udp = Buffer.alloc(8);
    udp.writeUInt16BE(5000, 0);
    udp.writeUInt16BE(5002, 2);
    udp.writeUInt16BE(8 + payload.length, 4);
    const ip = Buffer.alloc(20);
    ip[0] = 0x45;
    ip.writeUInt16BE(28 + payload.length, 2);
    ip[8] = 64;
    ip[9] = 17;
    ip.set([127, 0, 0, 1], 12);
    ip.set([127, 0, 0, 1], 16);
    const eth = Buffer.alloc(14);
    eth.writeUInt16BE(0x0800, 12);
    const frame = Buffer.concat([eth, ip, udp, payload]);
    const rec = Buffer.alloc(16);
    rec.writeUInt32LE(Math.floor(atMs / 1000), 0);
    rec.writeUInt32LE((atMs % 1000) * 1000, 4);
    rec.writeUInt32LE(frame.length, 8);
    rec.writeUInt32LE(frame.length, 12);
    parts.push(rec, frame);
  }
  return Buffer.concat(parts);
}

/**
 * A real Janus recording of `seconds` of Opus: ffmpeg sends RTP to a local UDP socket, the
 * packets go into a pcap, and Janus's own `pcap2mjr` writes the `.mjr` exactly as Janus would.
 */
export async function recordRealMjr(path: string, seconds: number): Promise<void> {
  const sock = createSocket('udp4');
  const packets: { atMs: number; payload: Buffer }[] = [];
  sock.on('message', (payload) => packets.push({ atMs: Date.now(), payload }));
  await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', resolve));
  try {
    const { port } = sock.address();
    await run('ffmpeg', [
      '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
      '-c:a', 'libopus', '-ar', '48000', '-f', 'rtp', '-payload_type', '111', `rtp://127.0.0.1:${port}`,
    ]);
    // The last datagrams may still be in the socket's queue.
    await new Promise((r) => setTimeout(r, 100));
  } finally {
    sock.close();
  }
  const pcap = `${path}.pcap`;
  await writeFile(pcap, pcapOf(packets));
  await run('pcap2mjr', ['-c', 'opus', pcap, path]);
}
