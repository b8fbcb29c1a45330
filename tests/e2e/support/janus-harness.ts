import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from './browser-static-server';

/**
 * Bundles the JanusVideoClient test page (janus-harness/harness.ts) with esbuild into `outDir`
 * and serves it on 127.0.0.1. The page exposes `window.harness` (join, snapshot, events...).
 */
export async function serveJanusHarness(outDir: string): Promise<StaticServer> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'janus-harness', 'harness.ts')],
    outfile: join(outDir, 'harness.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome100'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>janus harness</title><link rel="icon" href="data:,"></head><body><script src="harness.js"></script></body></html>');
  return serveStatic(outDir);
}
