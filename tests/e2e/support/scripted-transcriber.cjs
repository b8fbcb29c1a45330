/**
 * A speech engine for TRANSCRIBER=command that "hears" a fixed script, so a test controls exactly
 * what a recognizer wrote (pocketsphinx cannot reliably recognize synthetic speech).
 *
 *   node scripted-transcriber.cjs <wav> <line> [<line> …]
 *
 * Prints one segment per line, in the engine's lower-case words with word timings, as the command
 * transcriber parses them. The same script for every speaker's WAV: stable, whoever speaks first.
 */
const { statSync } = require('node:fs');

const [wav, ...lines] = process.argv.slice(2);
// The pipeline must really hand over the speaker's audio; a missing file is a failure, not silence.
if (!wav || !statSync(wav).isFile() || lines.length === 0) {
  console.error('usage: scripted-transcriber.cjs <wav> <line> [<line> ...]');
  process.exit(2);
}

const WORD_S = 0.3;
const GAP_S = 0.05;
const PAUSE_S = 0.6;
let at = 0.5;
const segments = lines.map((text) => {
  const words = text.split(/\s+/).filter(Boolean).map((word) => {
    const w = { word, start: at, end: Math.round((at + WORD_S) * 1000) / 1000 };
    at = Math.round((at + WORD_S + GAP_S) * 1000) / 1000;
    return w;
  });
  const segment = { start: words[0].start, end: words[words.length - 1].end, text, words };
  at = Math.round((at + PAUSE_S) * 1000) / 1000;
  return segment;
});
process.stdout.write(JSON.stringify({ segments }));
