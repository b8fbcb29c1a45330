/**
 * `npm run bench:pipeline`: how long after a real call the recording, transcript and captions
 * reach the conversation, measured the way a user meets it. Two Chromium participants with
 * human-speech fake microphones (LibriVox clips from pocketsphinx-testdata, taking turns) talk through the real
 * local stack (Janus, Functions, SQLite) for 30 s and then 3 min; the agent presses End in the
 * console; the clock stops when the recording message is in the conversation.
 *
 *   transcript_lag_s_30s       End click → recording message, 30-second call
 *   transcript_lag_ratio_30s   that lag / call length
 *   transcript_lag_s_180s, transcript_lag_ratio_180s   the same for the 3-minute call
 *   transcribe_rtf_<call>_<speaker>   engine time / audio length for each speaker's track
 *
 * Samples go to stderr, figure lines to stdout.
 */
import '../tests/support/quiet-logs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFakeMedia } from '../tests/e2e/support/janus-fake-media';
import { twoSpeakerClips, writeFakeMicWav } from '../tests/e2e/support/speech-clips';
import { startTestStack, type TestStack } from '../tests/support/test-stack';
import { plainCopy, stackMediaKeys } from '../tests/support/read-stored-media';
import { launchBenchBrowser } from './support/bench-browser';
import { figureLine } from './support/figures';
import { installProbe } from './support/page-marks';
import { stackSample } from './support/stack-join';

const words = (text: string) => text.split(' ').filter(Boolean).length;
const log = (line: string) => process.stderr.write(`bench:pipeline ${line}\n`);
const CALLS = (process.env.BENCH_CALLS ?? '30,180').split(',').map(Number);

/**
 * Engine time per speaker from the local transcriber's own files: WAV written → result written
 * (sealing at the job's end keeps both files' modification times).
 */
function transcribeRtf(stack: TestStack, recordingId: string): { speaker: string; rtf: number }[] {
  const work = join(stack.dataDir, 'compositions', recordingId, 'work');
  const keys = stackMediaKeys(stack.dataDir);
  return readdirSync(work)
    .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
    .map((f) => {
      const wav = join(work, f.replace(/\.json$/, '.wav'));
      const plain = plainCopy(wav, keys);
      const seconds = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', plain.path]).toString());
      plain.cleanup();
      const engine = (statSync(join(work, f)).mtimeMs - statSync(wav).mtimeMs) / 1000;
      return { speaker: /speech-(\d+)/.exec(f)?.[1] ?? '?', rtf: engine / seconds };
    });
}

/** Where the time went: the pipeline's own step logs for this recording, from the Functions process. */
function pipelineSteps(stack: TestStack, recordingId: string): string[] {
  const lines = readFileSync(join(stack.dataDir, 'logs', 'functions.log'), 'utf8').split('\n');
  return lines
    .filter((l) => l.includes(recordingId))
    .map((l) => {
      try {
        const { msg, seconds, time, liveCut } = JSON.parse(l) as { msg: string; seconds?: string; time: number; liveCut?: number };
        const live = liveCut ? `, the first ${liveCut.toFixed(1)} s done live during the call` : '';
        return `${new Date(time).toISOString().slice(11, 23)} ${msg}${seconds ? ` (${seconds} s${live})` : ''}`;
      } catch {
        return '';
      }
    })
    .filter(Boolean);
}

async function run(cleanups: (() => Promise<void>)[]): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 've-bench-pipeline-'));
  cleanups.push(async () => rmSync(work, { recursive: true, force: true }));
  const [agentClip, customerClip] = twoSpeakerClips();
  // A conversation: each microphone loops its speaker's turn and then stays silent through the
  // other's (Chromium loops the file), so the two take turns for the whole call.
  await writeFakeMicWav([agentClip], join(work, 'agent-turn.wav'), 0.5);
  await writeFakeMicWav([customerClip], join(work, 'customer-turn.wav'), 0.5);
  execFileSync('sox', ['-D', join(work, 'agent-turn.wav'), join(work, 'agent.wav'), 'pad', '0', String(customerClip.durationSeconds + 0.5)]);
  execFileSync('sox', ['-D', join(work, 'customer-turn.wav'), join(work, 'customer.wav'), 'pad', String(agentClip.durationSeconds + 0.5), '0']);
  const agentVideo = makeFakeMedia(work, { name: 'agent', pattern: 'testsrc', seconds: 10 }).videoFile;
  const customerVideo = makeFakeMedia(work, { name: 'customer', pattern: 'smptebars', seconds: 10 }).videoFile;

  const stack = await startTestStack({ LOG_LEVEL: 'info' });
  cleanups.push(() => stack.close());
  const agent = await launchBenchBrowser({ videoFile: agentVideo, audioFile: join(work, 'agent.wav') });
  cleanups.push(() => agent.close());
  const customer = await launchBenchBrowser({ videoFile: customerVideo, audioFile: join(work, 'customer.wav') });
  cleanups.push(() => customer.close());
  await installProbe(agent.page);
  await installProbe(customer.page);

  for (const [i, seconds] of CALLS.entries()) {
    log(`call ${i + 1}: ${seconds} s through ${stack.url} …`);
    const sample = await stackSample(stack, agent.page, customer.page, i + 1, seconds * 1000);
    const [job] = await stack.backend.pipeline.deps.store.listByConversation(sample.conversationId);
    if (job?.state !== 'attached') throw new Error(`the ${seconds} s call ended ${job?.state}: ${job?.reason ?? ''}`);
    const lag = sample.pipelineMs / 1000;
    const said = (who: string) => (job.transcript?.segments ?? []).filter((s) => s.speaker === who).map((s) => s.text).join(' ');
    log(`call ${seconds} s: End → message ${lag.toFixed(2)} s; words transcribed: agent ${words(said('Agent'))}, customer ${words(said('Customer'))}`);
    console.log(figureLine(`transcript_lag_s_${seconds}s`, lag, 'ratio').replace(/ ratio$/, ' s'));
    console.log(figureLine(`transcript_lag_ratio_${seconds}s`, lag / seconds, 'ratio'));
    for (const r of transcribeRtf(stack, job.recordingId)) console.log(figureLine(`transcribe_rtf_${seconds}s_speaker${r.speaker}`, r.rtf, 'ratio'));
    for (const step of pipelineSteps(stack, job.recordingId)) log(`  ${step}`);
  }
}

async function main(): Promise<number> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const stop of cleanups.reverse()) await stop().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  try {
    await run(cleanups);
    return 0;
  } catch (e) {
    log(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await cleanup();
  }
}

void main().then((code) => process.exit(code));
