import { execFileSync } from 'node:child_process';

export interface ListeningSocket {
  protocol: 'tcp' | 'udp';
  address: string;
  pid: number;
  process: string;
}

/** Every listening TCP socket and bound UDP socket on the machine, with its owner (needs `ss`, iproute2). */
export function listeningSockets(): ListeningSocket[] {
  const out = execFileSync('ss', ['-Hlntup'], { encoding: 'utf8' });
  const sockets: ListeningSocket[] = [];
  for (const line of out.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 6) continue;
    for (const m of line.matchAll(/\("([^"]+)",pid=(\d+)/g)) {
      sockets.push({ protocol: cols[0] as 'tcp' | 'udp', address: cols[4], pid: Number(m[2]), process: m[1] });
    }
  }
  return sockets;
}

export const isLoopback = (address: string): boolean => /^(127\.\d+\.\d+\.\d+|\[::1\]|\[::ffff:127\.\d+\.\d+\.\d+\]):\d+$/.test(address);

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
