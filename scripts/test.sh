#!/usr/bin/env bash
# `npm test`: install what is missing, then typecheck, lint, and run every test suite:
# unit + ui + http/contract in parallel, then the browser end-to-end suites one at a time
# (each starts real Janus and Chromium processes; two cores cannot take them side by side).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

results=$(mktemp -d)
status=0
step() { printf '\ntest: %s\n' "$*"; }

step "typecheck (tsc --noEmit)"
node_modules/.bin/tsc -p tsconfig.json --noEmit || status=1
step "lint (eslint)"
node_modules/.bin/eslint . || status=1
step "Flex plugin build (Flex's own tooling; the bundle must hold no React, ReactDOM or Flex)"
npm run --silent build:plugin || status=1

step "unit, ui, Flex plugin, http, contract and pipeline tests"
node_modules/.bin/jest --ci --selectProjects unit ui plugin plugin-real-flex http pipeline --json --outputFile="$results/fast.json" "$@" || status=1
step "browser end-to-end tests (real Janus and Chromium)"
node_modules/.bin/jest --ci --selectProjects e2e --runInBand --json --outputFile="$results/e2e.json" "$@" || status=1
step "fault injection and fuzzing (kills, restarts and hostile requests against the real stack)"
node_modules/.bin/jest --ci --selectProjects faults --runInBand --passWithNoTests --json --outputFile="$results/faults.json" "$@" || status=1

step "no Janus or Chromium left running, nothing listening beyond 127.0.0.1"
# Live processes only (exited ones may show as zombies for a moment until reaped); allow 5 s to exit.
running() { ps -eo pid=,stat=,comm= | awk '$2 !~ /^Z/ && $3 ~ /^(janus|chromium|chrome)$/'; }
for _ in 1 2 3 4 5; do [ -z "$(running)" ] && break; sleep 1; done
left=$(running)
if [ -n "$left" ]; then echo "test: FAIL: still running after the tests: $left"; status=1; fi
wide=$(ss -Hltnup 2>/dev/null | awk '{print $5, $7}' | grep -vE '^(127\.|\[::1\]|\[::ffff:127\.)' | grep -E 'node|janus|chrom|postgres' || true)
if [ -n "$wide" ]; then echo "test: FAIL: listening beyond 127.0.0.1: $wide"; status=1; fi

# One plain closing line over both runs.
node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed += 1; continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results/fast.json" "$results/e2e.json" "$results/faults.json"
rm -rf "$results"
exit $status
