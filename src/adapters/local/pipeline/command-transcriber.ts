import { z } from 'zod';
import type { TranscribedSegment } from '../../../domain/pipeline-job';
import type { SpeechEngine } from './speech-engine';
import { execTool } from './exec';

const times = { start: z.number().min(0), end: z.number().min(0) };
/** `{ word, start, end }`, or `{ text, start, end }` as many engines name it. */
const word = z.union([
  z.object({ word: z.string(), ...times }),
  z.object({ text: z.string(), ...times }).transform(({ text, start, end }) => ({ word: text, start, end })),
]);
const segment = z.object({
  start: z.number().min(0),
  end: z.number().min(0),
  text: z.string(),
  words: z.array(word).default([]),
});
const output = z.union([z.array(segment), z.object({ segments: z.array(segment) }).transform((o) => o.segments)]);

/**
 * Any speech-to-text engine run as a command: `argv` with `{input}` replaced by the WAV path
 * (no shell), printing JSON segments (`[{ start, end, text, words? }]` or `{ segments: [...] }`,
 * seconds from the start of the file) on stdout. Word timings (`words: [{ word | text, start, end }]`)
 * are what muting spoken PII in the video's audio is timed by; without them a whole segment is
 * muted. How another engine plugs in by configuration.
 */
export class CommandTranscriber implements SpeechEngine {
  readonly name: string;

  constructor(
    private readonly argv: readonly string[],
    private readonly timeoutMs = 10 * 60_000,
  ) {
    if (argv.length === 0 || !argv.some((a) => a.includes('{input}'))) {
      throw new Error('TRANSCRIBER_COMMAND must be a JSON array of argv that contains {input}');
    }
    this.name = `command:${argv[0]}`;
  }

  async transcribe(audioPath: string): Promise<TranscribedSegment[]> {
    const [cmd, ...args] = this.argv.map((a) => a.replaceAll('{input}', audioPath));
    const { stdout } = await execTool(cmd, args, { timeoutMs: this.timeoutMs });
    let json: unknown;
    try {
      json = JSON.parse(stdout);
    } catch {
      throw new Error(`${cmd} did not print JSON (first bytes: ${JSON.stringify(stdout.slice(0, 80))})`);
    }
    const parsed = output.safeParse(json);
    if (!parsed.success) throw new Error(`${cmd} printed JSON that is not a list of segments: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }
}
