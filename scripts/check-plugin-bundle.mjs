#!/usr/bin/env node
// Checks the built Flex plugin bundle: React, ReactDOM and Flex must NOT be in it (Flex
// supplies them at run time as window.React / window.ReactDOM / window.Twilio.Flex), and
// prints its gzip size as `figure: plugin_bundle_gzip_kb VALUE kB` (1 kB = 1024 bytes).
// Usage: node scripts/check-plugin-bundle.mjs [path/to/bundle.js]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pluginDir = path.join(root, 'plugin-video-escalation');
const { name } = JSON.parse(fs.readFileSync(path.join(pluginDir, 'package.json'), 'utf8'));
const bundlePath = process.argv[2] ? path.resolve(process.argv[2]) : path.join(pluginDir, 'build', `${name}.js`);

if (!fs.existsSync(bundlePath)) {
  console.error(`check-plugin-bundle: no bundle at ${path.relative(root, bundlePath)} (build it first)`);
  process.exit(1);
}
const code = fs.readFileSync(bundlePath, 'utf8');
// Flex loads exactly one file per plugin: any other script in build/ would never load.
const strays = fs.readdirSync(path.dirname(bundlePath)).filter((f) => f.endsWith('.js') && f !== path.basename(bundlePath));
if (strays.length) {
  console.error(`check-plugin-bundle: FAIL extra chunks Flex would not load: ${strays.join(', ')}`);
  process.exit(1);
}

// Each pattern matches a DEFINITION (a copy of the library), not a mere reference:
// react/jsx-runtime or a hook library may legitimately *read*
// React.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED.ReactCurrentOwner.
const FORBIDDEN = [
  ['React (internals defined)', /__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED["']?\s*(?:=(?!=)|:)/],
  ['React/ReactDOM build file name', /react(?:-dom)?\.(?:production\.min|development|profiling\.min)\.js/],
  ['React/ReactDOM error decoder', /Minified React error #|reactjs\.org\/docs\/error-decoder/],
  ['ReactDOM (fiber keys)', /__reactFiber\$|__reactContainer\$|__reactInternalInstance\$/],
  ['ReactDOM (createPortal/render exports)', /\.(?:unstable_renderSubtreeIntoContainer|unstable_createPortal)\s*=(?!=)/],
  ['Flex UI (UMD global defined)', /\.Twilio\.Flex\s*=(?!=)/],
  ['Flex UI (bundle internals)', /FlexDataClient|twilio-flex\.prod/],
];

const found = FORBIDDEN.filter(([, re]) => re.test(code)).map(([label]) => label);
const MAX_RAW_BYTES = 2 * 1024 * 1024; // Flex's own bundle is ~8 MB, React+ReactDOM ~130 kB min
const rawBytes = Buffer.byteLength(code);
if (rawBytes > MAX_RAW_BYTES) found.push(`bundle larger than ${MAX_RAW_BYTES} bytes (${rawBytes})`);

if (found.length) {
  console.error(`check-plugin-bundle: FAIL ${path.relative(root, bundlePath)} contains:`);
  for (const label of found) console.error(`  - ${label}`);
  process.exit(1);
}

const gzipBytes = zlib.gzipSync(code, { level: 9 }).length;
console.log(
  `check-plugin-bundle: OK ${path.relative(root, bundlePath)} ` +
    `(${(rawBytes / 1024).toFixed(1)} kB raw; no React, ReactDOM or Flex copy)`,
);
console.log(`figure: plugin_bundle_gzip_kb ${(gzipBytes / 1024).toFixed(2)} kB`);
