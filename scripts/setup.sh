#!/usr/bin/env bash
# Installs whatever is missing for the local stack and its tests, then builds. Idempotent and
# quick when everything is there. Used by `npm start`, `npm test` and the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# 1. Node.js 20 or newer.
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$major" -ge 20 ] || fail "Node.js 20 or newer is needed (found $(node --version 2>/dev/null || echo none)). Install it, then run this again."

# 2. Debian packages: the media engine, speech recognition, and Chromium for the browser tests.
DEB_PACKAGES=(janus janus-tools ffmpeg pocketsphinx pocketsphinx-en-us pocketsphinx-testdata espeak-ng chromium sox gcc libc6-dev iproute2 procps postgresql)
missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "missing packages ${missing[*]}, and this is not a Debian-like system with apt-get. Install them by hand."
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "missing Debian packages: ${missing[*]}. Run as root, or: apt-get install ${missing[*]}"
    SUDO=sudo
  else SUDO=; fi
  say "installing Debian packages: ${missing[*]} (about a minute)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get could not install ${missing[*]}; see the output above."
  # Debian's janus package may start a system-wide Janus on every interface: the project runs its own.
  if command -v systemctl >/dev/null && systemctl is-active --quiet janus 2>/dev/null; then
    $SUDO systemctl disable --now janus >/dev/null 2>&1 || true
  fi
  # Likewise Debian's postgresql may start a system cluster: the tests start a private one of their own.
  if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1, $2}' | while read -r ver name; do
      $SUDO pg_ctlcluster --mode fast "$ver" "$name" stop >/dev/null 2>&1 || true
    done
  fi
else
  say "Debian packages present"
fi

# 3. npm packages, exactly as locked.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "installing npm packages (npm ci; native modules compile, ~2 minutes the first time)"
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed; see the output above."
else
  say "npm packages present"
fi

# 4. The loopback ICE shim for Janus, and the bundles the stack serves.
bash scripts/build-native.sh
node scripts/build.mjs
say "ready"
