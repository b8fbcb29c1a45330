// What `twilio serverless:deploy` would upload from the current folder, worked out offline by the
// toolkit's own code (twilio-run 5, which the Twilio CLI's serverless plugin runs): its deploy config
// reading (.twilioserverlessrc with its `commands.deploy` section, the .env file, the service's
// package.json) and its file listing. Nothing is sent anywhere and no credential is printed.
// `node scripts/deploy-plan.cjs --cwd build/deploy [--json]` after `npm run build`, as the deploy is run.
const path = require('node:path');
const { getConfigFromFlags } = require('twilio-run/dist/config/deploy');
const { cliInfo } = require('twilio-run/dist/commands/deploy');
const { checkForValidRuntimeHandlerVersion } = require('twilio-run/dist/checks/check-runtime-handler');
const { getListOfFunctionsAndAssets } = require('@twilio-labs/serverless-api/dist/utils/fs');

/** The flags yargs would hand the deploy command given only `--cwd` (resolved as its handler does). */
function flags(cwd) {
  const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  const defaults = Object.fromEntries(Object.entries(cliInfo.options).map(([name, opt]) => [camel(name), opt.default]));
  return { ...defaults, cwd: cwd ? path.resolve(cwd) : undefined };
}

async function deployPlan() {
  const at = process.argv.indexOf('--cwd');
  const config = await getConfigFromFlags(flags(at > 0 ? process.argv[at + 1] : undefined));
  // As TwilioServerlessApiClient.deployLocalProject searches for them.
  const search = {};
  if (config.functionsFolderName) search.functionsFolderNames = [config.functionsFolderName];
  if (config.assetsFolderName) search.assetsFolderNames = [config.assetsFolderName];
  const { functions, assets } = await getListOfFunctionsAndAssets(config.cwd, search);
  return {
    cwd: path.resolve(config.cwd),
    envPath: config.envPath,
    envKeys: Object.keys(config.env).sort(),
    serviceName: config.serviceName,
    serviceSid: config.serviceSid ?? null,
    runtime: config.runtime ?? null,
    dependencies: config.pkgJson.dependencies ?? {},
    runtimeHandlerAccepted: checkForValidRuntimeHandlerVersion(config.pkgJson),
    functions: functions.map((f) => ({ path: f.path, access: f.access, file: f.filePath, bytes: Buffer.byteLength(f.content) })),
    assets: assets.map((a) => ({ path: a.path, access: a.access, bytes: a.content.length })),
  };
}

deployPlan().then(
  (plan) => {
    if (process.argv.includes('--json')) return console.log(JSON.stringify(plan));
    const mb = (items) => (items.reduce((s, i) => s + i.bytes, 0) / 1e6).toFixed(1);
    console.log(`deploy plan: service ${plan.serviceSid ?? `"${plan.serviceName}" (new)`}, runtime ${plan.runtime ?? 'Twilio default'}, from ${plan.cwd}`);
    console.log(`  ${plan.functions.length} Functions, ${mb(plan.functions)} MB: ${plan.functions.map((f) => f.path).join(' ')}`);
    console.log(`  ${plan.assets.length} Assets, ${mb(plan.assets)} MB`);
    console.log(`  dependencies: ${Object.entries(plan.dependencies).map(([n, v]) => `${n}@${v}`).join(' ')}`);
    console.log(`  environment from ${plan.envPath || '(none)'}: ${plan.envKeys.join(' ')}`);
  },
  (e) => {
    console.error(`deploy plan: ${e.message}`);
    process.exit(1);
  },
);
