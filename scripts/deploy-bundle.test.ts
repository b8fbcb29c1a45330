/**
 * What `twilio serverless:deploy --cwd build/deploy` ships (scripts/build-deploy.mjs), built into a
 * temporary copy of the repo's layout (.twilioserverlessrc and .env at the top, build/deploy and
 * build/assets below), beside today's local build of the same Functions for the figure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(__dirname, '..');
const ACCOUNT = `AC${'0'.repeat(32)}`;
/** Root dependencies that only the local back end or the browser use: none may reach the service. */
const LOCAL_OR_BROWSER_ONLY = ['better-sqlite3', 'chartist', 'janode', 'react', 'react-dom', 'twilio-video', 'ws'];

let tmp: string;
let deployDir: string;
let functionsDir: string;
let localDir: string;

const node = (args: string[], cwd = ROOT) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' });
const buildDeploy = () => node([join(ROOT, 'scripts/build-deploy.mjs'), '--out', deployDir, '--json']);
const bundles = () => readdirSync(functionsDir).filter((f) => f.endsWith('.js')).sort();
const bundleText = (f: string) => readFileSync(join(functionsDir, f), 'utf8');
const servicePackage = () => JSON.parse(readFileSync(join(deployDir, 'package.json'), 'utf8'));
const megabytes = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 1e6;
const packageName = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

/** Every `require(...)` call in a bundle: a literal's text, or null when the argument is not a literal. */
function requires(text: string): (string | null)[] {
  return [...text.matchAll(/\brequire\(\s*([^)]*?)\s*\)/g)].map((m) => /^(["'])([^"']+)\1$/.exec(m[1])?.[2] ?? null);
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 've-deploy-'));
  deployDir = join(tmp, 'build/deploy');
  functionsDir = join(deployDir, 'functions');
  localDir = join(tmp, 'build/functions');
  buildDeploy();
  // Today's local build (what twilio-run serves), in the same run, for the figure beside it.
  const bundlesModule = pathToFileURL(join(ROOT, 'scripts/functions-bundles.mjs')).href;
  node(['--input-type=module', '-e', `import { buildLocalFunctions } from ${JSON.stringify(bundlesModule)}; await buildLocalFunctions(${JSON.stringify(ROOT)}, ${JSON.stringify(localDir)});`]);
  copyFileSync(join(ROOT, '.twilioserverlessrc'), join(tmp, '.twilioserverlessrc'));
  writeFileSync(join(tmp, '.env'), 'BACKEND=twilio\nPUBLIC_BASE_URL=https://video-escalation-1234.twil.io\n');
  mkdirSync(join(tmp, 'build/assets'));
  writeFileSync(join(tmp, 'build/assets/join.html'), '<!doctype html><title>join</title>\n');
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('each lean bundle requires only Node built-ins and the dependencies the service declares', () => {
  const declared = Object.keys(servicePackage().dependencies);
  const required = new Set<string>();
  for (const f of bundles()) {
    const specs = requires(bundleText(f));
    expect({ f, dynamic: specs.filter((s) => s === null).length }).toEqual({ f, dynamic: 0 });
    for (const spec of specs as string[]) {
      if (isBuiltin(spec)) continue;
      expect({ f, spec, declared: declared.includes(packageName(spec)) }).toEqual({ f, spec, declared: true });
      required.add(packageName(spec));
    }
  }
  // Exactly what the bundles require, plus the runtime handler Twilio needs to run them.
  expect(declared.sort()).toEqual([...required, '@twilio/runtime-handler'].sort());
  expect(declared.filter((d) => LOCAL_OR_BROWSER_ONLY.includes(d))).toEqual([]);
});

test('the service pins exact versions: the lock file\'s, and the runtime handler Twilio documents', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const { dependencies } = servicePackage();
  for (const [name, version] of Object.entries<string>(dependencies)) {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    if (name !== '@twilio/runtime-handler') expect({ name, version }).toEqual({ name, version: lock.packages[`node_modules/${name}`].version });
  }
  expect(dependencies['@twilio/runtime-handler']).toBe('2.0.1');
});

test('no lean bundle carries the local back end or an inline sourcemap; the local build still does', () => {
  const markers = ['better-sqlite3', 'janode', 'JanusRooms', '// src/adapters/local/', 'sourceMappingURL'];
  for (const f of bundles()) {
    const text = bundleText(f);
    expect({ f, found: markers.filter((m) => text.includes(m)) }).toEqual({ f, found: [] });
    expect(text).toContain('BACKEND=local is not part of this deployment');
  }
  const local = readFileSync(join(localDir, bundles()[0]), 'utf8');
  expect(markers.filter((m) => local.includes(m))).toEqual(markers);
});

test('twilio serverless:deploy --cwd build/deploy would upload the lean Functions, the assets and the service package.json', () => {
  // The toolkit's own config reading and file listing (scripts/deploy-plan.cjs), offline.
  const plan = JSON.parse(node([join(ROOT, 'scripts/deploy-plan.cjs'), '--cwd', 'build/deploy', '--json'], tmp));
  expect(plan.cwd).toBe(deployDir);
  expect(plan.functions.map((f: { path: string }) => f.path).sort()).toEqual(bundles().map((f) => `/${f.replace(/\.js$/, '')}`).sort());
  expect(plan.functions.every((f: { file: string }) => f.file.startsWith(functionsDir))).toBe(true);
  // twilio.com/docs/serverless/api, "Limitations": a build holds at most 50 Function versions.
  expect(plan.functions.length).toBeGreaterThan(0);
  expect(plan.functions.length).toBeLessThanOrEqual(50);
  expect(plan.assets.map((a: { path: string }) => a.path)).toEqual(['/join.html']);
  expect(plan.dependencies).toEqual(servicePackage().dependencies);
  expect(plan.runtimeHandlerAccepted).toBe(true);
  expect(plan.envPath).toBe(join(tmp, '.env'));
  expect(plan.envKeys).toEqual(['BACKEND', 'PUBLIC_BASE_URL']);
  expect(plan.serviceName).toBe('video-escalation');
});

test('a deploy from the repo root stops before it uploads anything', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/deploy-plan.cjs')], { cwd: tmp, encoding: 'utf8' });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('deploy with --cwd build/deploy');
});

test('each lean bundle loads with only the declared packages installed; BACKEND=local says it is not deployed', () => {
  const modules = join(deployDir, 'node_modules');
  mkdirSync(modules);
  for (const name of Object.keys(servicePackage().dependencies)) {
    if (name !== '@twilio/runtime-handler') symlinkSync(join(ROOT, 'node_modules', name), join(modules, name)); // Twilio's runtime supplies it
  }
  try {
    const { NODE_PATH: _ignored, ...env } = process.env;
    const loaded = execFileSync(
      process.execPath,
      ['-e', 'const fs = require("fs"); console.log(JSON.stringify(fs.readdirSync("functions").map((f) => [f, typeof require("./functions/" + f).handler])))'],
      { cwd: deployDir, env, encoding: 'utf8' },
    );
    expect(JSON.parse(loaded)).toEqual(bundles().map((f) => [f, 'function']));

    // A Function asked for the local back end gets the stub's error (logged), not Janus or SQLite.
    const invoke = `global.Twilio = { Response: class { setStatusCode(s) { this.status = s; } setBody() {} appendHeader() {} } };
      require("./functions/live-calls.js").handler({}, { request: { headers: {} } }, (err, res) => console.log("status", err ? "error" : res.status));`;
    const run = spawnSync(process.execPath, ['-e', invoke], {
      cwd: deployDir,
      env: { ...env, BACKEND: 'local', LINK_SIGNING_SECRET: 'deploy-test-link-secret-0123456789abcdef', LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stdout + run.stderr).toContain('BACKEND=local is not part of this deployment');
    expect(run.stdout).toMatch(/status 5\d\d/);
  } finally {
    rmSync(modules, { recursive: true, force: true });
  }
}, 30_000);

test('every Function takes only methods Twilio routes (GET, POST; OPTIONS is answered for CORS)', () => {
  const dir = join(ROOT, 'serverless/src/functions');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.includes('.test.'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\bmethods:\s*\[([^\]]*)\]/g)) {
      const methods = [...m[1].matchAll(/'([A-Z]+)'/g)].map((x) => x[1]);
      expect({ f, methods: methods.filter((x) => !['GET', 'POST'].includes(x)) }).toEqual({ f, methods: [] });
    }
  }
});

test('the deploy is a small fraction of the local build; figures', () => {
  const deployMb = megabytes(functionsDir);
  const localMb = megabytes(localDir);
  console.log(`figure: functions_deploy_mb ${deployMb.toFixed(1)}\nfigure: functions_local_build_mb ${localMb.toFixed(1)}`);
  expect(deployMb).toBeLessThan(localMb / 10);
});

// Last: it rebuilds build/deploy.
test('the service SID a deploy records survives the next build', () => {
  // twilio-run writes <cwd>/.twiliodeployinfo after a deploy and reads it before the next one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cache = require('twilio-run/dist/utils/deployInfoCache');
  const record = { serviceSid: `ZS${'a'.repeat(32)}`, latestBuild: `ZB${'b'.repeat(32)}` };
  cache.updateDeployInfoCache(deployDir, ACCOUNT, 'us1', record);
  buildDeploy();
  expect(cache.getDeployInfoCache(deployDir)).toEqual({ [`${ACCOUNT}:us1`]: record });
  expect(JSON.parse(readFileSync(join(tmp, '.twiliodeployinfo'), 'utf8'))).toEqual({ [`${ACCOUNT}:us1`]: record });
});
