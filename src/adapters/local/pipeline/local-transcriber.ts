import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorText } from '../../../core/pipeline/job-update';
import type { ExternalStatus } from '../../../domain/pipeline-job';
import type { Transcriber, TranscriptRequest } from '../../../ports/transcriber';
import type { TranscribedSegment } from '../../../domain/pipeline-job';
import type { MediaKeyRing } from '../crypto/key-ring';
import { readStoredFile, writeSealedFile } from '../crypto/stored-files';
import { recordingDir } from './local-artifacts';
import type { LocalPipelineEvents } from './local-events';
import { readManifest, recordingIdOf } from './local-media';
import { finishLive, readLive } from './live-transcript';
import { speechWav } from './speech-wav';
import { redactSegments } from '../../../core/privacy/pii/redact-segments';
import type { SpeechEngine } from './speech-engine';
import { logger } from '../../../logger';

/** At most `n` engine runs at once: each pocketsphinx process takes one core. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await work();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * Local transcription: resolves the speaker's audio composition to its file, turns it into the
 * 16 kHz mono WAV engines want, runs the engine, keeps the result beside the recording, and
 * reports through the core's `transcriptReady` / `transcriptFailed`.
 */
export class LocalTranscriber implements Transcriber {
  readonly name: string;
  private readonly running = new Set<string>();
  private readonly failed = new Set<string>();
  private readonly limit: ReturnType<typeof limiter>;

  constructor(
    private readonly o: { dataDir: string; engine: SpeechEngine; events: LocalPipelineEvents; mediaKeys: MediaKeyRing; concurrency?: number; ffmpeg?: string },
  ) {
    this.name = o.engine.name;
    this.limit = limiter(o.concurrency ?? 2);
  }

  private resultPath(transcriptId: string): string {
    if (!/^[A-Za-z0-9_.-]+$/.test(transcriptId)) throw new Error(`unsafe transcript id: ${transcriptId}`);
    return join(recordingDir(this.o.dataDir, recordingIdOf(transcriptId)), 'work', `${transcriptId}.json`);
  }

  async start(request: TranscriptRequest): Promise<string> {
    const recordingId = recordingIdOf(request.compositionId);
    const manifest = await readManifest(this.o.dataDir, recordingId, this.o.mediaKeys);
    const audio = manifest?.speech[request.compositionId];
    if (!audio) throw new Error(`no local audio for composition ${request.compositionId}`);
    const livePath = manifest?.live?.[request.compositionId];
    const transcriptId = `${request.compositionId}.t${randomBytes(4).toString('hex')}`;
    this.running.add(transcriptId);
    const event = { roomName: request.roomName, compositionId: request.compositionId, transcriptId };
    const work = this.run(transcriptId, audio, request.delayMs ?? 0, livePath)
      .then(() => this.o.events.transcriptReady(event))
      .catch((e) => {
        this.failed.add(transcriptId);
        this.o.events.transcriptFailed({ ...event, reason: errorText(e) });
      })
      .finally(() => this.running.delete(transcriptId));
    this.o.events.track(work, request.roomName);
    return transcriptId;
  }

  private async run(transcriptId: string, audio: string, delayMs: number, livePath?: string): Promise<void> {
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    const out = this.resultPath(transcriptId);
    await mkdir(join(out, '..'), { recursive: true, mode: 0o700 });
    const wav = out.replace(/\.json$/, '.wav');
    // What was transcribed while the call ran is kept; only the rest, after its cut, is left to do.
    const live = (livePath && (await readLive(livePath, this.o.mediaKeys))) || { cut: 0, segments: [] };
    const segments = await this.limit(async () => {
      await speechWav(this.o.ffmpeg ?? 'ffmpeg', audio, wav, live.cut);
      const t0 = performance.now();
      const rest = await this.o.engine.transcribe(wav);
      logger.info(
        { transcriptId, engine: this.name, seconds: ((performance.now() - t0) / 1000).toFixed(2), liveCut: live.cut },
        'speaker transcribed',
      );
      return finishLive(live, rest);
    });
    // The engine's raw words never rest on disk; the core redacts (and flags) again when it reads them.
    await writeSealedFile(out, JSON.stringify(redactSegments(segments).segments), this.o.mediaKeys);
  }

  async result(transcriptId: string): Promise<TranscribedSegment[]> {
    return JSON.parse((await readStoredFile(this.resultPath(transcriptId), this.o.mediaKeys)).toString('utf8')) as TranscribedSegment[];
  }

  async status(transcriptId: string): Promise<ExternalStatus | 'unknown'> {
    if (this.running.has(transcriptId)) return 'pending';
    if (this.failed.has(transcriptId)) return 'failed';
    try {
      await readFile(this.resultPath(transcriptId));
      return 'ready';
    } catch {
      return 'unknown';
    }
  }
}
