import type { TranscribedSegment } from '../../../domain/pipeline-job';
import type { SpeechEngine } from './speech-engine';
import { execTool } from './exec';
import { parsePocketsphinxOutput } from './pocketsphinx-output';

export interface PocketsphinxOptions {
  binary?: string;
  /** Acoustic model folder, language model and dictionary (Debian pocketsphinx-en-us by default). */
  hmm?: string;
  lm?: string;
  dict?: string;
  timeoutMs?: number;
  /**
   * CPU priority of the engine (default 10, lower than ffmpeg's): speech shares two cores with the
   * clip's or call's video composition, and the video is what the message waits for; the
   * transcript follows it. bench:clip, 3-minute clip: see bench/README.md.
   */
  niceness?: number;
}

const MODEL = '/usr/share/pocketsphinx/model/en-us';

/**
 * Local default transcriber: Debian pocketsphinx 0.8 over a 16 kHz mono WAV. `-time yes` prints
 * word times (seconds from the start of the file) per utterance; utterances are split at pauses
 * by its voice activity detector. Runs at roughly 0.1× real time on one core.
 */
export class PocketsphinxTranscriber implements SpeechEngine {
  readonly name = 'pocketsphinx';

  constructor(private readonly o: PocketsphinxOptions = {}) {}

  async transcribe(audioPath: string): Promise<TranscribedSegment[]> {
    const { stdout } = await execTool(
      this.o.binary ?? 'pocketsphinx_continuous',
      [
        '-infile', audioPath,
        '-time', 'yes',
        '-samprate', '16000',
        '-hmm', this.o.hmm ?? `${MODEL}/en-us`,
        '-lm', this.o.lm ?? `${MODEL}/en-us.lm.bin`,
        '-dict', this.o.dict ?? `${MODEL}/cmudict-en-us.dict`,
        '-logfn', '/dev/null',
      ],
      { timeoutMs: this.o.timeoutMs ?? 10 * 60_000, niceness: this.o.niceness ?? 10 },
    );
    return parsePocketsphinxOutput(stdout);
  }
}
