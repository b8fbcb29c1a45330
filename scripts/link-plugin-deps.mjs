#!/usr/bin/env node
// Flex's build tooling (@twilio/flex-dev-utils getPaths) reads react, react-dom and
// @twilio/flex-ui from the PLUGIN's own node_modules; npm workspaces hoist them to the
// root. Link them back. Idempotent: safe to run before every build.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pluginDir = path.join(root, 'plugin-video-escalation');
const PACKAGES = ['react', 'react-dom', '@twilio/flex-ui'];

const requireFromPlugin = createRequire(path.join(pluginDir, 'package.json'));

for (const name of PACKAGES) {
  const target = path.join(pluginDir, 'node_modules', name);
  let source;
  try {
    source = path.dirname(requireFromPlugin.resolve(`${name}/package.json`));
  } catch {
    console.error(`link-plugin-deps: ${name} is not installed (run npm ci at the repo root)`);
    process.exit(1);
  }
  if (fs.realpathSync(source) === path.resolve(target)) continue; // npm put it there itself
  const relative = path.relative(path.dirname(target), source);
  let current = null;
  try {
    current = fs.lstatSync(target).isSymbolicLink() ? fs.readlinkSync(target) : 'not-a-link';
  } catch {
    /* missing */
  }
  if (current === relative) continue; // already linked
  if (current === 'not-a-link') continue; // a real install in the plugin: leave it alone
  if (current !== null) fs.unlinkSync(target); // stale link
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.symlinkSync(relative, target, 'dir');
  console.log(`link-plugin-deps: ${path.relative(root, target)} -> ${relative}`);
}
