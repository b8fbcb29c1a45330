import { join } from 'node:path';
import { importCycles } from './import-cycles';

/**
 * No file imports itself back through others (#19): a cycle means two files can be neither read
 * nor moved one at a time. Type-only imports count. `npm run cycles` lists them.
 */
jest.setTimeout(60_000);

const root = join(__dirname, '..');

it('finds no import cycle in the tree', () => {
  expect(importCycles(root)).toEqual([]);
});

it('finds a cycle, type-only imports included, and leaves out the files that only point into it', () => {
  expect(importCycles(join(__dirname, 'fixtures/import-cycle'), ['.'])).toEqual([['a.ts', 'b.ts']]);
});
