// The Twilio Functions, bundled with esbuild in two shapes from the same sources:
//   buildLocalFunctions  -> build/functions          what twilio-run serves (local stack, contract tests):
//                                                    both back ends, inline sourcemaps, native modules external
//   buildDeployFunctions -> build/deploy/functions   what `twilio serverless:deploy` uploads
//                                                    (scripts/build-deploy.mjs): the Twilio back end only
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One bundle per file in serverless/src/functions (tests excluded); the file name is the Function's path. */
export function functionEntries(root) {
  const dir = join(root, 'serverless/src/functions');
  return existsSync(dir) ? readdirSync(dir).filter((f) => /\.ts$/.test(f) && !/\.test\./.test(f)).map((f) => join(dir, f)) : [];
}

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };

/** Native or heavy server modules stay external; they resolve from the repo's node_modules at run time. */
export async function buildLocalFunctions(root, outdir) {
  return build({
    ...node,
    entryPoints: functionEntries(root),
    outdir,
    sourcemap: 'inline',
    external: ['better-sqlite3', 'janode', 'twilio', 'twilio-flex-token-validator', 'pino', 'pg'],
  });
}

// The composition root (src/adapters/backend.ts) requires the local back end lazily, by this literal;
// esbuild still follows it, and that drags Janus, SQLite and ffmpeg code into every bundle.
const BACKEND_MODULE = 'src/adapters/backend.ts';
const LOCAL_BACKEND_REQUIRE = './local/local-backend';
export const LOCAL_BACKEND_STUB_MESSAGE =
  'BACKEND=local is not part of this deployment: build/deploy carries the Twilio back end only ' +
  '(scripts/build-deploy.mjs). Set BACKEND=twilio, or run the local back end with `npm start`.';

/** Swaps the local back end's module for one whose factory throws, in the deploy bundles only. */
function localBackendStub(root, seen) {
  const importer = join(root, BACKEND_MODULE);
  return {
    name: 'local-backend-stub',
    setup(b) {
      b.onResolve({ filter: /^\.\/local\/local-backend$/ }, (args) => {
        if (args.importer !== importer || args.path !== LOCAL_BACKEND_REQUIRE) return undefined;
        seen.add(args.importer);
        return { path: 'local-backend-stub', namespace: 'deploy-stub' };
      });
      b.onLoad({ filter: /.*/, namespace: 'deploy-stub' }, () => ({
        loader: 'js',
        contents: `exports.createLocalBackend = () => { throw new Error(${JSON.stringify(LOCAL_BACKEND_STUB_MESSAGE)}); };\n`,
      }));
    },
  };
}

/**
 * Lean bundles for Twilio: our code only. Every npm package stays a `require` for the service's
 * declared dependencies to satisfy (scripts/build-deploy.mjs checks them against its list); no
 * sourcemaps (the toolkit uploads only the .js files). Returns esbuild's metafile.
 */
export async function buildDeployFunctions(root, outdir) {
  const seen = new Set();
  const result = await build({
    ...node,
    entryPoints: functionEntries(root),
    outdir,
    sourcemap: false,
    packages: 'external',
    metafile: true,
    plugins: [localBackendStub(root, seen)],
  });
  if (seen.size === 0) {
    throw new Error(`build-deploy: no require('${LOCAL_BACKEND_REQUIRE}') in ${BACKEND_MODULE}; the local back end would not be stubbed`);
  }
  return result.metafile;
}
