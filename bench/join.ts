/**
 * `npm run bench:join`: how long joining a call takes on the local stack, against a direct
 * peer-to-peer call between the same two Chromium processes on loopback.
 *
 *   customer_first_frame_ms  customer opens the link → first remote frame decoded (in-page clock
 *                            from navigation start; consent and Join clicked as soon as possible)
 *   agent_connected_ms       agent clicks Escalate → the panel reports the room connected
 *   p2p_first_frame_ms       P2P page's navigation start → first remote frame
 *   join_ratio               customer_first_frame_ms / p2p_first_frame_ms
 *
 * Medians over BENCH_RUNS (default 7) interleaved P2P/stack pairs, after BENCH_WARMUP (default 1)
 * uncounted pairs. Samples go to stderr as they come; the figure lines go to stdout.
 */
// First: keeps the in-process stack's logs to warnings, before any module creates the logger.
import '../tests/support/quiet-logs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack } from '../tests/support/test-stack';
import { makeFakeMedia } from '../tests/e2e/support/janus-fake-media';
import { launchBenchBrowser } from './support/bench-browser';
import { figureLine, median } from './support/figures';
import { installProbe } from './support/page-marks';
import { startP2pBaseline } from './support/p2p-baseline';
import { stackSample } from './support/stack-join';

function count(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min} (got ${raw})`);
  return n;
}

const log = (line: string) => process.stderr.write(`bench:join ${line}\n`);
const ms = (n: number) => `${n.toFixed(0)} ms`;

interface Outcome {
  failed: boolean;
  interrupted: boolean;
}

async function run(cleanups: (() => Promise<void>)[], outcome: Outcome): Promise<void> {
  const runs = count('BENCH_RUNS', 7, 1);
  const warmup = count('BENCH_WARMUP', 1, 0);
  if (runs < 5) log(`warning: BENCH_RUNS=${runs}; the issue asks for at least 5`);

  const work = mkdtempSync(join(tmpdir(), 've-bench-join-'));
  cleanups.push(async () => rmSync(work, { recursive: true, force: true }));
  const agentMedia = makeFakeMedia(work, { name: 'agent', pattern: 'testsrc', seconds: 10 });
  const customerMedia = makeFakeMedia(work, { name: 'customer', pattern: 'smptebars', seconds: 10 });

  const stack = await startTestStack();
  cleanups.push(() => stack.close());
  // Pushed after close(), so it runs before it: on failure, the stack's logs outlive its data folder.
  cleanups.push(async () => {
    if (!outcome.failed || outcome.interrupted) return;
    const kept = mkdtempSync(join(tmpdir(), 've-bench-join-logs-'));
    cpSync(join(stack.dataDir, 'logs'), kept, { recursive: true });
    log(`stack logs kept in ${kept}`);
  });
  // One Chromium per participant for the whole run: process start-up is not what we measure.
  const agent = await launchBenchBrowser(agentMedia);
  cleanups.push(() => agent.close());
  const customer = await launchBenchBrowser(customerMedia);
  cleanups.push(() => customer.close());
  await installProbe(agent.page);
  await installProbe(customer.page);
  // Same processes for the baseline: the customer's browser receives, the agent's is already there.
  const p2p = await startP2pBaseline(customer.page, agent.page);
  cleanups.push(() => p2p.close());
  log(`stack on ${stack.url}; ${warmup} warm-up + ${runs} measured pairs (P2P, then stack)`);

  const samples = { customer: [] as number[], agent: [] as number[], p2p: [] as number[] };
  for (let i = 1 - warmup; i <= runs; i++) {
    const label = i < 1 ? 'warm-up' : `run ${i}/${runs}`;
    // A then B, every time: drift over the run affects both alike.
    const direct = await p2p.sample().catch((e: Error) => {
      throw new Error(`${label}, P2P baseline: ${e.message}`);
    });
    const call = await stackSample(stack, agent.page, customer.page, i + warmup).catch((e: Error) => {
      throw new Error(`${label}, stack call: ${e.message}`);
    });
    log(
      `${label}: p2p first frame ${ms(direct.firstFrameMs)} (${direct.via}) | customer first frame ` +
        `${ms(call.customerFirstFrameMs)} (${call.via}; join clicked at ${ms(call.customerJoinClickMs)}; wall ${ms(call.customerWallMs)}) | ` +
        `agent connected ${ms(call.agentConnectedMs)} | pipeline settled in ${ms(call.pipelineMs)}`,
    );
    if (i < 1) continue;
    samples.p2p.push(direct.firstFrameMs);
    samples.customer.push(call.customerFirstFrameMs);
    samples.agent.push(call.agentConnectedMs);
  }

  const customerMs = median(samples.customer);
  const p2pMs = median(samples.p2p);
  console.log(figureLine('customer_first_frame_ms', customerMs, 'ms'));
  console.log(figureLine('agent_connected_ms', median(samples.agent), 'ms'));
  console.log(figureLine('p2p_first_frame_ms', p2pMs, 'ms'));
  console.log(figureLine('join_ratio', customerMs / p2pMs, 'ratio'));
}

async function main(): Promise<number> {
  const cleanups: (() => Promise<void>)[] = [];
  let cleaning: Promise<void> | null = null;
  // Stops the stack and both browsers exactly once, newest first, whatever happened.
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const stop of cleanups.reverse()) await stop().catch(() => undefined);
    })());
  const outcome: Outcome = { failed: false, interrupted: false };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      outcome.interrupted = true;
      log(`${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    await run(cleanups, outcome);
    return 0;
  } catch (e) {
    outcome.failed = true;
    if (outcome.interrupted) return 130;
    log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await cleanup();
  }
}

// Exit explicitly: nothing the run opened may keep the process alive once cleaned up.
void main().then((code) => process.exit(code));
