import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandTranscriber } from './command-transcriber';
import { PocketsphinxTranscriber } from './pocketsphinx-transcriber';
import { speechEngineFromConfig } from './speech-engine-from-config';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 've-cmd-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real engine stand-in: a script that reads its argument and prints what it was given. */
function engine(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/usr/bin/env node\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('CommandTranscriber', () => {
  it('runs the command on the file and reads its segments', async () => {
    const bin = engine('ok.js', `console.log(JSON.stringify({ segments: [{ start: 0.5, end: 1.5, text: 'hello ' + process.argv[3].endsWith('a.wav') }] }))`);
    const segments = await new CommandTranscriber([bin, '--in', '{input}']).transcribe('/tmp/a.wav');
    expect(segments).toEqual([{ start: 0.5, end: 1.5, text: 'hello true', words: [] }]);
  });

  it('reads word timings, named `word` or `text`, and keeps segments without them', async () => {
    const bin = engine('words.js', `console.log(JSON.stringify([
      { start: 0.5, end: 1.4, text: 'my card', words: [{ word: 'my', start: 0.5, end: 0.8 }, { text: 'card', start: 0.9, end: 1.4 }] },
      { start: 2, end: 3, text: 'thanks' },
    ]))`);
    const segments = await new CommandTranscriber([bin, '{input}']).transcribe('/tmp/a.wav');
    expect(segments).toEqual([
      { start: 0.5, end: 1.4, text: 'my card', words: [{ word: 'my', start: 0.5, end: 0.8 }, { word: 'card', start: 0.9, end: 1.4 }] },
      { start: 2, end: 3, text: 'thanks', words: [] },
    ]);
    const untimed = engine('untimed.js', "console.log(JSON.stringify([{ start: 0, end: 1, text: 'hi', words: [{ text: 'hi' }] }]))");
    await expect(new CommandTranscriber([untimed, '{input}']).transcribe('x.wav')).rejects.toThrow(/not a list of segments/);
  });

  it('fails with a reason when the engine prints no JSON, bad segments, or exits non-zero', async () => {
    const noJson = engine('nojson.js', "console.log('hello')");
    await expect(new CommandTranscriber([noJson, '{input}']).transcribe('x.wav')).rejects.toThrow(/did not print JSON/);
    const bad = engine('bad.js', "console.log(JSON.stringify([{ start: 'soon' }]))");
    await expect(new CommandTranscriber([bad, '{input}']).transcribe('x.wav')).rejects.toThrow(/not a list of segments/);
    const crash = engine('crash.js', "console.error('model missing'); process.exit(3)");
    await expect(new CommandTranscriber([crash, '{input}']).transcribe('x.wav')).rejects.toThrow(/exit 3.*model missing/);
  });
});

describe('speechEngineFromConfig', () => {
  const base = { TRANSCRIBER: 'pocketsphinx' as const, TRANSCRIBER_COMMAND: undefined, POCKETSPHINX_HMM: undefined, POCKETSPHINX_LM: undefined, POCKETSPHINX_DICT: undefined };

  it('defaults to pocketsphinx and builds a command engine when configured', () => {
    expect(speechEngineFromConfig(base)).toBeInstanceOf(PocketsphinxTranscriber);
    const t = speechEngineFromConfig({ ...base, TRANSCRIBER: 'command', TRANSCRIBER_COMMAND: '["whisper-cli","-oj","{input}"]' });
    expect(t.name).toBe('command:whisper-cli');
  });

  it('explains a missing or malformed command', () => {
    expect(() => speechEngineFromConfig({ ...base, TRANSCRIBER: 'command' })).toThrow(/TRANSCRIBER_COMMAND/);
    expect(() => speechEngineFromConfig({ ...base, TRANSCRIBER: 'command', TRANSCRIBER_COMMAND: '["a", 1]' })).toThrow(/array of strings/);
    expect(() => speechEngineFromConfig({ ...base, TRANSCRIBER: 'command', TRANSCRIBER_COMMAND: '["engine"]' })).toThrow(/\{input\}/);
  });
});
