#!/usr/bin/env bash
# Builds the native helpers the local back end needs into .native/ (git-ignored):
#   .native/libnoloopback.so  LD_PRELOAD shim that lets Janus gather ICE candidates on 127.0.0.1.
# Rebuilds only when the output is missing or older than its source.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/scripts/native/noloopback.c"
out="$root/.native/libnoloopback.so"

if [[ -f "$out" && "$out" -nt "$src" ]]; then
  echo "build-native: $out is up to date"
  exit 0
fi
if ! command -v gcc >/dev/null 2>&1; then
  echo "build-native: gcc not found; install it (apt-get install -y gcc) to build $out" >&2
  exit 1
fi
mkdir -p "$root/.native"
echo "build-native: compiling $src -> $out"
gcc -shared -fPIC -O2 -Wall -Wextra -o "$out.tmp" "$src" -ldl
mv "$out.tmp" "$out"
echo "build-native: built $out"
