// Picked up by @twilio/flex-plugin-scripts (flex-plugin build/start): it calls
// module.exports(config, { isProd, isDev, isTest }) with the generated webpack 4 config
// and uses the returned config.
//
// The plugin imports shared UI code from the repo's top-level src/ (../src/ui, ../src/domain),
// outside this plugin's src/. Stock Flex config only compiles <plugin>/src and forbids
// imports outside it, so:
//   1. drop ModuleScopePlugin (the "falls outside of the project src/" error);
//   2. widen the babel-loader include (babel-preset-react-app, which strips TypeScript)
//      to the shared folder;
//   3. make the build's type check (fork-ts-checker, run because tsconfig.json exists) report
//      errors in the shared files too: it only reports files under this folder by default.
// Externals stay as Flex sets them: react, react-dom, redux, react-redux are window globals
// and @twilio/flex-ui is aliased to a shim that returns window.Twilio.Flex.
const path = require('path');
const webpack = require('webpack');

const SHARED_SRC = path.resolve(__dirname, '..', 'src');

module.exports = (config) => {
  config.resolve.plugins = (config.resolve.plugins || []).filter(
    (plugin) => !(plugin && plugin.constructor && plugin.constructor.name === 'ModuleScopePlugin'),
  );

  let widened = 0;
  const visit = (rules) => {
    for (const rule of rules || []) {
      if (rule.oneOf) visit(rule.oneOf);
      const loader = rule.loader || '';
      if (loader.includes(`${path.sep}babel-loader${path.sep}`) && rule.include) {
        rule.include = [].concat(rule.include, SHARED_SRC);
        widened += 1;
      }
    }
  };
  visit(config.module.rules);
  if (widened !== 1) {
    throw new Error(`webpack.config.js: expected one babel-loader rule to widen, found ${widened}`);
  }

  for (const plugin of config.plugins || []) {
    if (plugin && plugin.constructor && plugin.constructor.name === 'ForkTsCheckerWebpackPlugin') {
      const rel = path.relative(__dirname, SHARED_SRC).split(path.sep).join('/');
      // Keep Flex's exclusions (tests, mocks) by putting the extra pattern first.
      plugin.reportFiles = [`${rel}/**`, ...(plugin.reportFiles || [])];
    }
  }

  // Flex loads one file per plugin: the Twilio video client (a dynamic import in the shared
  // code, split off for the customer page) stays in the plugin's bundle.
  config.plugins.push(new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }));

  return config;
};
