#!/usr/bin/env bash
# Load test: wrk against `cookielab serve` on loopback (bounded in time), on the documented routes
# with a valid session. Fails on any socket error, any 5xx or an RSS above the bound.
# Usage: load_test.sh /path/to/cookielab [seconds per route, default 30] [connections, default 100]
set -euo pipefail
cookielab=$1
seconds=${2:-30}
connections=${3:-100}
rss_limit_mb=${RSS_LIMIT_MB:-300}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }

source "$(dirname "$(readlink -f "$0")")/cookielab_server.sh"
start_server
trap 'kill "$server" 2>/dev/null || true' EXIT
cookie=$(login_cookie)
[[ -n $cookie ]] || { echo "FAIL: login did not return a token"; exit 1; }

failed=0
run() { # route, extra wrk args…
    local route=$1; shift
    local out
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$base$route")
    local rate errors non2xx p99
    rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-14s %10s req/s  p99 %8s  socket errors %s  non-2xx %s\n' "$route" "$rate" "$p99" "${errors:-0}" "${non2xx:-0}"
    [[ ${errors:-0} == 0 ]] || { echo "FAIL: socket errors on $route"; failed=1; }
    [[ ${non2xx:-0} == 0 ]] || { echo "FAIL: non-2xx responses on $route"; failed=1; }
}
run /set-cookie
run /protected -H "Cookie: $cookie"
run /multi-cookie
rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' /proc/"$server"/status)
echo "server RSS after the load: $rss MB (limit $rss_limit_mb MB; the exchange log keeps 100,000)"
(( rss < rss_limit_mb )) || { echo "FAIL: RSS above the bound"; failed=1; }
stop_server && status=0 || status=$?
(( status == 0 )) || { echo "FAIL: server exit status $status after SIGTERM"; failed=1; }
trap - EXIT
(( failed == 0 )) && echo "load test passed" || exit 1
