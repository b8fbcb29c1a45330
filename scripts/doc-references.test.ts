import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedFiles, missingNames, missingPaths } from './doc-references';

/**
 * The map stays true (#19): every path the README, docs/, bench/README.md and the design notes
 * name in backticks exists, every code name a design note names is in the code, and the README
 * stays short.
 */
const root = join(__dirname, '..');
const sources = execSync("git ls-files -co --exclude-standard -- '*.ts' '*.tsx' '*.mjs'", { cwd: root, encoding: 'utf8' })
  .split('\n')
  // The fixture's missing name must not be found in this very test.
  .filter((f) => f && !f.includes('fixtures/') && !f.endsWith('doc-references.test.ts'))
  .map((f) => {
    try {
      return readFileSync(join(root, f), 'utf8');
    } catch {
      return ''; // deleted in the working tree
    }
  })
  .join('\n');

it('every backticked path in the README, docs, bench notes and design notes exists', () => {
  const files = documentedFiles(root);
  expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/configuration.md', 'src/core/pipeline/DESIGN-NOTE.md']));
  expect(Object.fromEntries(files.map((f) => [f, missingPaths(root, f)]).filter(([, m]) => m.length))).toEqual({});
});

it('every function or type a design note names exists in the code', () => {
  const notes = documentedFiles(root).filter((f) => f.endsWith('DESIGN-NOTE.md'));
  expect(notes.length).toBeGreaterThanOrEqual(3);
  expect(Object.fromEntries(notes.map((f) => [f, missingNames(root, f, sources)]).filter(([, m]) => m.length))).toEqual({});
});

it('finds a missing path and a missing name, and leaves routes alone', () => {
  const fixture = 'scripts/fixtures/doc-references/DESIGN-NOTE.md';
  expect(missingPaths(root, fixture)).toEqual(['scripts/no-such-file.ts']);
  expect(missingNames(root, fixture, sources)).toEqual(['neverDefinedAnywhereXyz']);
});

it('keeps the README under 200 lines', () => {
  expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThan(200);
});
