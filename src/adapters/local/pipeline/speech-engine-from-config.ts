import type { Config } from '../../../config';
import type { SpeechEngine } from './speech-engine';
import { CommandTranscriber } from './command-transcriber';
import { PocketsphinxTranscriber } from './pocketsphinx-transcriber';

type TranscriberConfig = Pick<Config, 'TRANSCRIBER' | 'TRANSCRIBER_COMMAND' | 'POCKETSPHINX_HMM' | 'POCKETSPHINX_LM' | 'POCKETSPHINX_DICT'>;

/** The configured engine: pocketsphinx by default, or any command that prints JSON segments. */
export function speechEngineFromConfig(config: TranscriberConfig): SpeechEngine {
  if (config.TRANSCRIBER === 'command') {
    let argv: unknown;
    try {
      argv = JSON.parse(config.TRANSCRIBER_COMMAND ?? '');
    } catch {
      throw new Error('TRANSCRIBER=command needs TRANSCRIBER_COMMAND, a JSON array such as ["my-engine","--json","{input}"]');
    }
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) {
      throw new Error('TRANSCRIBER_COMMAND must be a JSON array of strings');
    }
    return new CommandTranscriber(argv);
  }
  return new PocketsphinxTranscriber({ hmm: config.POCKETSPHINX_HMM, lm: config.POCKETSPHINX_LM, dict: config.POCKETSPHINX_DICT });
}
