#!/usr/bin/env bash
# Runs a command after setup (benchmarks): `bash scripts/with-setup.sh npx tsx bench/join.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
exec "$@"
