import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ParticipantMedia } from '../../../src/adapters/local/pipeline/local-media';
import type { SpeechClip } from '../../e2e/support/speech-clips';

const run = promisify(execFile);
const ffmpeg = (args: string[]) => run('ffmpeg', ['-nostdin', '-y', '-loglevel', 'error', ...args], { maxBuffer: 1 << 20 });

export interface SyntheticCall {
  media: ParticipantMedia[];
  /** What each speaker really said, in order (reference for word error rate). */
  reference: { agent: string; customer: string };
  seconds: number;
}

/**
 * A two-party call made of files shaped like janus-pp-rec output (VP8 WebM video, Opus audio):
 * the agent says `agentClip`, then the customer answers with `customerClip`, turn after turn,
 * for `seconds`. The customer joined `customerOffset` seconds after the agent.
 */
export async function buildSyntheticCall(
  dir: string,
  o: { seconds: number; agentClip: SpeechClip; customerClip: SpeechClip; customerOffset?: number },
): Promise<SyntheticCall> {
  mkdirSync(dir, { recursive: true });
  const off = o.customerOffset ?? 1;
  const a = o.agentClip;
  const c = o.customerClip;
  const cycle = a.durationSeconds + c.durationSeconds + 2; // each turn followed by a 1 s pause
  const agentSeconds = o.seconds;
  const customerSeconds = o.seconds - off;
  // Agent: speech then silence while the customer talks. Customer (own clock): silence then speech.
  const agentTurn = `[0:a]apad=pad_dur=${(c.durationSeconds + 2).toFixed(3)}[t]`;
  const customerTurn = `[0:a]adelay=${Math.round((a.durationSeconds + 1 - off) * 1000)}:all=1,apad=pad_dur=1[t]`;
  const track = async (clip: SpeechClip, turn: string, seconds: number, out: string) => {
    const one = join(dir, `${out}.turn.wav`);
    await ffmpeg(['-i', clip.path, '-filter_complex', turn, '-map', '[t]', '-ar', '48000', '-ac', '1', '-c:a', 'pcm_s16le', one]);
    await ffmpeg(['-stream_loop', '-1', '-i', one, '-t', seconds.toFixed(3), '-c:a', 'libopus', '-b:a', '64k', join(dir, out)]);
  };
  const video = (pattern: string, seconds: number, out: string) =>
    ffmpeg([
      '-f', 'lavfi', '-i', `${pattern}=s=320x240:r=15:d=${seconds.toFixed(3)}`,
      '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '200k', join(dir, out),
    ]);
  await Promise.all([
    track(a, agentTurn, agentSeconds, 'agent.opus'),
    track(c, customerTurn, customerSeconds, 'customer.opus'),
    video('testsrc2', agentSeconds, 'agent.webm'),
    video('testsrc', customerSeconds, 'customer.webm'),
  ]);
  const said = (clip: SpeechClip, start: number, seconds: number) => {
    const words: string[] = [];
    for (let t = start; t + clip.durationSeconds <= seconds + 0.01; t += cycle) words.push(clip.reference);
    return words.join(' ');
  };
  const m = (who: 'agent' | 'customer', kind: 'audio' | 'video', offset: number): ParticipantMedia => ({
    participantIdentity: who === 'agent' ? 'agent:alex' : 'customer:6d0f2c1e',
    role: who,
    kind,
    source: kind === 'audio' ? 'microphone' : 'camera',
    path: join(dir, `${who}.${kind === 'audio' ? 'opus' : 'webm'}`),
    startOffsetSeconds: offset,
  });
  return {
    media: [m('agent', 'video', 0), m('agent', 'audio', 0), m('customer', 'video', off), m('customer', 'audio', off)],
    reference: {
      agent: said(a, 0, agentSeconds),
      customer: said(c, a.durationSeconds + 1 - off, customerSeconds),
    },
    seconds: o.seconds,
  };
}
