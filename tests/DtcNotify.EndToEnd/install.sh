#!/usr/bin/env bash
# Installs what the end-to-end suite needs on a fresh Debian machine; running it again changes nothing.
# Debian's Chromium only: a test tool's own browser download does not work here and is never attempted.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium
fi

if ! command -v node >/dev/null; then
  echo "install.sh: node (Node.js 20) is not on PATH; the Agents Playground needs it" >&2
  exit 1
fi

# The Agents Playground (the offline Teams client), pinned by the committed package-lock.json.
cd "$here/playground"
wanted=$(node -p "require('./package-lock.json').packages['node_modules/@microsoft/m365agentsplayground'].version")
installed=$(node -p "try { require('./node_modules/@microsoft/m365agentsplayground/package.json').version } catch { '' }")
if [ "$wanted" != "$installed" ]; then
  npm ci --no-audit --no-fund
fi
echo "end-to-end prerequisites: $(/usr/bin/chromium --version 2>/dev/null), node $(node --version), Agents Playground $wanted"
