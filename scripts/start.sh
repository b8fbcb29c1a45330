#!/usr/bin/env bash
# `npm start`: install what is missing, then run the whole local stack on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node_modules/.bin/tsx scripts/start-local.ts "$@"
