import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DOWNLOAD_FUNCTION_PATHS, JSON_FUNCTION_PATHS, WEBHOOK_FUNCTION_PATHS } from '../../src/api/contract';

/**
 * FunctionsContract is the wire vocabulary only if every Function is in it: types cannot list the
 * files, so this holds the runtime list beside the type against serverless/src/functions.
 */
const dir = join(__dirname, 'functions');
const functions = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ path: `/${basename(name, '.ts')}`, source: readFileSync(join(dir, name), 'utf8') }));
const json = functions.filter((f) => /\bjsonFunction\(/.test(f.source));
const webhooks = functions.filter((f) => /\bwebhookFunction\(/.test(f.source));
const downloads = functions.filter((f) => /\bdownloadFunction\(/.test(f.source));
const sorted = (paths: readonly string[]) => [...paths].sort();

describe('the Functions contract', () => {
  it('has an entry for every JSON Function, and none without one', () => {
    expect(json.length).toBeGreaterThan(0);
    expect(sorted(JSON_FUNCTION_PATHS)).toEqual(sorted(json.map((f) => f.path)));
  });

  it("ties each JSON Function's schema and answer to its own entry, not a neighbour's", () => {
    const untied = json.filter(
      (f) => !f.source.includes(`satisfies z.ZodType<FunctionsContract['${f.path}']['request']>`) || !f.source.includes(`FunctionsContract['${f.path}']['response']`),
    );
    expect(untied.map((f) => f.path)).toEqual([]);
  });

  it('lists the webhooks Twilio calls and the file downloads apart, and every Function is one of the three kinds', () => {
    expect(sorted(WEBHOOK_FUNCTION_PATHS)).toEqual(sorted(webhooks.map((f) => f.path)));
    expect(sorted(DOWNLOAD_FUNCTION_PATHS)).toEqual(sorted(downloads.map((f) => f.path)));
    expect(sorted(functions.map((f) => f.path))).toEqual(sorted([...JSON_FUNCTION_PATHS, ...WEBHOOK_FUNCTION_PATHS, ...DOWNLOAD_FUNCTION_PATHS]));
  });
});
