// Bundles everything the stack serves, with esbuild (~100 ms):
//   serverless/src/functions/*.ts  -> build/functions/*.js   (Twilio Functions; twilio-run serves them)
//                                  -> build/deploy/          (what `twilio serverless:deploy` ships: scripts/build-deploy.mjs)
//   public/*.css + public/src/pages/*.tsx -> build/assets/ (Twilio Assets: customer pages, ES modules;
//     twilio-video is its own chunk under js/chunks/, fetched only when the server grants Twilio access)
//   src/adapters/local/web/*.css + pages/*.tsx -> build/local/ (local-only agent console and chat)
//   every page's HTML from one shell: scripts/html-pages.json + scripts/html-shell.mjs
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { htmlPages, htmlShell } from './html-shell.mjs';
import { buildLocalFunctions } from './functions-bundles.mjs';
import { buildDeploy } from './build-deploy.mjs';
import { gzipSync } from 'node:zlib';

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

// The Functions twice (scripts/functions-bundles.mjs): as twilio-run serves them locally, and lean for
// `twilio serverless:deploy --cwd build/deploy` (the Twilio back end only, with the service's package.json).
await buildLocalFunctions(root, join(out, 'functions'));
const deploy = await buildDeploy({ root, out: join(out, 'deploy') });

// Pages are built for production (minified, React's production build) unless asked otherwise with
// NODE_ENV=development (`npm run build:dev`): what `npm start` serves is what customers get.
const mode = process.env.NODE_ENV === 'development' ? 'development' : 'production';
const browser = {
  bundle: true,
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  format: 'iife',
  sourcemap: true,
  minify: mode === 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
  jsx: 'transform',
  logLevel: 'warning',
};
// twilio-video makes `new Function('url', 'return import(url)')` as it loads (to fetch the Krisp
// noise-cancellation plugin, which we do not use). The join page's CSP has no 'unsafe-eval', so that
// line would stop twilio-video from loading at all: its module is swapped for one that refuses.
const twilioVideoWithoutEval = {
  name: 'twilio-video-without-eval',
  setup(b) {
    b.onLoad({ filter: /[\\/]twilio-video[\\/]es5[\\/]util[\\/]dynamicimport\.js$/ }, () => ({
      loader: 'js',
      contents: "'use strict';\nmodule.exports = (m) => Promise.reject(new Error(`Failed to import: ${m}: not allowed by the page's Content-Security-Policy`));\n",
    }));
  },
};

// Customer pages serve both back ends from one build, so they split: src/client/connect.ts imports
// the Twilio client dynamically, and only ES module output turns that into a separate chunk
// (IIFE would inline twilio-video into every page). The pages load with <script type="module">.
const pages = await build({
  ...browser,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [twilioVideoWithoutEval],
  entryPoints: entries(join(root, 'public/src/pages'), /\.tsx?$/),
  outdir: join(out, 'assets/js'),
});
copyStatic(join(root, 'public'), join(out, 'assets'));
// The shared UI's stylesheet (src/ui/ui.css), served with the assets to the customer page and the
// local pages alike (the local origin forwards /ui.css to the assets).
const sharedCss = join(root, 'src/ui/ui.css');
cpSync(sharedCss, join(out, 'assets/ui.css'));

// The local console and chat only ever get Janus grants and stay classic scripts: twilio-video is
// left out (external), so a Twilio grant there fails with connect.ts's "did not load" message.
const localWeb = join(root, 'src/adapters/local/web');
await build({ ...browser, external: ['twilio-video'], entryPoints: entries(join(localWeb, 'pages'), /\.tsx?$/), outdir: join(out, 'local/js') });
copyStatic(localWeb, join(out, 'local'));
for (const page of htmlPages(join(root, 'scripts/html-pages.json'))) {
  mkdirSync(dirname(join(out, page.out)), { recursive: true });
  writeFileSync(join(out, page.out), htmlShell(page));
}
console.log('build: functions, assets and local pages bundled into build/');
console.log(`build: ${deploy.functions.length} lean Functions for Twilio, ${(deploy.bytes / 1e6).toFixed(1)} MB, in build/deploy`);

// What a customer on Twilio downloads: join.js and every chunk it imports, statically or dynamically;
// on Janus only the static part loads.
const outputs = pages.metafile.outputs;
const joinJs = Object.keys(outputs).find((o) => outputs[o].entryPoint?.endsWith('public/src/pages/join.tsx'));
const reach = (from, kinds, seen = new Set()) => {
  if (seen.has(from) || !outputs[from]) return seen;
  seen.add(from);
  for (const i of outputs[from].imports) if (kinds.includes(i.kind)) reach(i.path, kinds, seen);
  return seen;
};
const onTwilio = reach(joinJs, ['import-statement', 'dynamic-import']);
const onJanus = reach(joinJs, ['import-statement']);
const hasTwilioVideo = (o) => Object.keys(outputs[o].inputs).some((i) => i.includes('node_modules/twilio-video/'));
if (![...onTwilio].some(hasTwilioVideo) || [...onJanus].some(hasTwilioVideo)) {
  throw new Error('build: twilio-video must be a chunk that join.js loads on demand, not part of join.js');
}
const gzipped = (files) => [...files].reduce((sum, o) => sum + gzipSync(readFileSync(join(root, o))).length, 0);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(
  `build: join page with twilio-video ${kB(gzipped(onTwilio))} gzipped ` +
    `(${kB(gzipped(onJanus))} without it on Janus; ${mode} build)`,
);
