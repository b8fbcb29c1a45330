// Bundles everything the stack serves, with esbuild (~100 ms):
//   serverless/src/functions/*.ts  -> build/functions/*.js   (Twilio Functions; twilio-run serves them)
//   public/*.html|css + public/src/pages/*.tsx -> build/assets/ (Twilio Assets: customer pages)
//   src/adapters/local/web/*.html + pages/*.tsx -> build/local/ (local-only agent console and chat)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'build');
const entries = (dir, re) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f) && !/\.test\./.test(f)).map((f) => join(dir, f)) : [];
const copyStatic = (from, to) => {
  mkdirSync(to, { recursive: true });
  for (const f of existsSync(from) ? readdirSync(from) : []) {
    if (/\.(html|css|svg|ico|vtt)$/.test(f)) cpSync(join(from, f), join(to, f));
  }
};

rmSync(out, { recursive: true, force: true });

// Native or heavy server modules stay external; they resolve from node_modules at run time.
await build({
  entryPoints: entries(join(root, 'serverless/src/functions'), /\.ts$/),
  outdir: join(out, 'functions'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['better-sqlite3', 'janode', 'twilio', 'twilio-flex-token-validator', 'pino'],
  logLevel: 'warning',
});

const browser = {
  bundle: true,
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  format: 'iife',
  sourcemap: true,
  minify: process.env.NODE_ENV === 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'development') },
  jsx: 'transform',
  logLevel: 'warning',
};
await build({ ...browser, entryPoints: entries(join(root, 'public/src/pages'), /\.tsx?$/), outdir: join(out, 'assets/js') });
copyStatic(join(root, 'public'), join(out, 'assets'));

const localWeb = join(root, 'src/adapters/local/web');
await build({ ...browser, entryPoints: entries(join(localWeb, 'pages'), /\.tsx?$/), outdir: join(out, 'local/js') });
copyStatic(localWeb, join(out, 'local'));
console.log('build: functions, assets and local pages bundled into build/');
