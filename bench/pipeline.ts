/**
 * Recording pipeline benchmark: a synthetic 30 s and a 3 min two-party call (LibriVox speech from
 * pocketsphinx-testdata, test-pattern video, files shaped like janus-pp-rec output) run through the
 * real local pipeline, "room ended" → compose (ffmpeg) → transcribe (pocketsphinx) → message in
 * the SQLite conversation. Prints:
 *   figure: transcript_lag_ratio_30s  (room ended → message) / call length
 *   figure: transcript_lag_ratio_180s
 *   figure: transcribe_rtf            transcription time / audio length, per engine run
 * Run: npx tsx bench/pipeline.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/adapters/local/db';
import { createLocalRecordingJobs } from '../src/adapters/local/pipeline/local-recording-jobs';
import { PocketsphinxTranscriber } from '../src/adapters/local/pipeline/pocketsphinx-transcriber';
import { mediaDuration } from '../src/adapters/local/pipeline/probe';
import { startPipelineWorker } from '../src/adapters/local/pipeline/worker';
import { SqliteConversations } from '../src/adapters/local/sqlite-conversations';
import { wordErrorRate } from '../src/core/pipeline/wer';
import type { Transcriber } from '../src/ports/transcriber';
import { twoSpeakerClips } from '../tests/e2e/support/speech-clips';
import { buildSyntheticCall } from '../tests/pipeline/support/synthetic-call';

const real = new PocketsphinxTranscriber();
const runs: { seconds: number; audio: number }[] = [];
/** Times every engine run against the length of the audio it was given. */
const timed: Transcriber = {
  name: real.name,
  async transcribe(path) {
    const t0 = performance.now();
    const segments = await real.transcribe(path);
    runs.push({ seconds: (performance.now() - t0) / 1000, audio: await mediaDuration(path) });
    return segments;
  },
};

async function benchCall(seconds: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), `bench-pipeline-${seconds}-`));
  const db = openDb(join(dir, 'db.sqlite'));
  let w: ReturnType<typeof startPipelineWorker> | undefined;
  try {
    const [agentClip, customerClip] = twoSpeakerClips();
    const call = await buildSyntheticCall(join(dir, 'call'), { seconds, agentClip, customerClip, customerOffset: 1.2 });
    const conversations = new SqliteConversations(db);
    const conversationId = conversations.createConversation({ friendlyName: 'bench' }).id;
    w = startPipelineWorker({
      db,
      conversations,
      trackRecordings: { list: async () => [] },
      mediaSource: { prepare: async () => call.media },
      transcriber: timed,
      config: { DATA_DIR: dir, TRANSCRIBE_MAX_ATTEMPTS: 2, TRANSCRIBE_BACKOFF_MS: 100 },
    });
    const roomName = `bench-${seconds}`;
    const t0 = performance.now();
    await createLocalRecordingJobs(db, () => w?.kick()).roomEnded({
      roomName,
      roomSid: '1',
      conversationId,
      escalationId: 'bench',
      recording: true,
      endedAt: new Date().toISOString(),
    });
    for (;;) {
      const msg = await conversations.findMessageByAttribute(conversationId, 'idempotencyKey', roomName);
      if (msg) break;
      if (performance.now() - t0 > 10 * 60_000) throw new Error('pipeline did not finish in 10 minutes');
      await new Promise((r) => setTimeout(r, 50));
    }
    const lag = (performance.now() - t0) / 1000;
    const msg = await conversations.findMessageByAttribute(conversationId, 'idempotencyKey', roomName);
    const segs = (msg?.attributes.transcript as { segments: { speaker: string; text: string }[] }).segments;
    const said = (who: string) => segs.filter((s) => s.speaker === who).map((s) => s.text).join(' ');
    console.log(
      `call ${seconds}s: lag ${lag.toFixed(2)} s; WER agent ${wordErrorRate(call.reference.agent, said('Agent')).toFixed(3)}, ` +
        `customer ${wordErrorRate(call.reference.customer, said('Customer')).toFixed(3)}`,
    );
    return lag / seconds;
  } finally {
    await w?.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const lag30 = await benchCall(30);
  const lag180 = await benchCall(180);
  const rtf = runs.reduce((a, r) => a + r.seconds, 0) / runs.reduce((a, r) => a + r.audio, 0);
  console.log(`figure: transcript_lag_ratio_30s ${lag30.toFixed(3)} ratio`);
  console.log(`figure: transcript_lag_ratio_180s ${lag180.toFixed(3)} ratio`);
  console.log(`figure: transcribe_rtf ${rtf.toFixed(3)} ratio`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
