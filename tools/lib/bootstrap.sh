# Sourced by tools/test and tools/start. Leaves the shell in the repository root
# with Node 24 (the exact `node` devDependency) first on PATH and node_modules
# matching package-lock.json. The machine's own Node may be older: npm itself is
# run on Node 24 so that no package's engine check sees the old one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE="${NX_SKIP_NX_CACHE:-false}"

NODE_VERSION="$(sed -n 's/^ *"node": "\([0-9][0-9.]*\)",\{0,1\}$/\1/p' package.json | head -n 1)"
if [ -z "$NODE_VERSION" ]; then
  echo "bootstrap: package.json has no exact \"node\" devDependency" >&2
  exit 1
fi
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/base-shift"
NODE_HOME="$CACHE_DIR/node-v$NODE_VERSION"

if [ ! -x "$NODE_HOME/node_modules/node/bin/node" ]; then
  echo "bootstrap: fetching Node $NODE_VERSION from the npm registry (once)…" >&2
  mkdir -p "$NODE_HOME"
  npm install --prefix "$NODE_HOME" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2
fi
NODE24="$NODE_HOME/node_modules/node/bin/node"
NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"

# npm ci wipes node_modules, so run it only when the lock file changed since the last install.
LOCK_HASH="$(sha256sum package-lock.json | cut -c1-16)"
STAMP="node_modules/.base-shift-installed"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$LOCK_HASH" ] || [ ! -x node_modules/.bin/node ]; then
  echo "bootstrap: installing dependencies (npm ci)…" >&2
  PATH="$(dirname "$NODE24"):$PATH" "$NODE24" "$NPM_CLI" ci --no-audit --no-fund --loglevel=warn >&2
  echo "$LOCK_HASH" > "$STAMP"
fi

export PATH="$ROOT/node_modules/.bin:$PATH"
