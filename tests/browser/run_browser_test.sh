#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs tests/browser/lab_e2e.mjs: Debian's Chromium against `cookielab serve` on loopback.
# Usage: run_browser_test.sh COOKIELAB_BINARY WORK_DIR
set -euo pipefail
cookielab=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
[[ -x /usr/bin/chromium ]] || { echo "FAIL: /usr/bin/chromium is missing (./dev installs Debian's chromium package)"; exit 1; }
command -v node >/dev/null || { echo "FAIL: node is missing (./dev installs Debian's nodejs package)"; exit 1; }

mkdir -p "$work"
cp "$here/package.json" "$work/package.json"
if [[ ! -d "$work/node_modules/playwright-core" ]]; then
    # The driver only: never a browser download (Debian's Chromium is the browser).
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$work" --no-audit --no-fund --loglevel=error >/dev/null
fi

log="$work/serve.jsonl"
rm -f "$log"
coproc SERVER { exec "$cookielab" serve --port 0 --quiet --log "$log" 2>&1; }
server=$SERVER_PID
trap 'kill "$server" 2>/dev/null || true' EXIT
read -r -t 20 banner <&"${SERVER[0]}" || { echo "FAIL: server did not start"; exit 1; }
port=${banner##*:}
port=${port%/}
echo "server: $banner"
NODE_PATH="$work/node_modules" timeout 150 node "$here/lab_e2e.mjs" "$port" "$log" "$cookielab" "$work"
