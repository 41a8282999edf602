#!/usr/bin/env bash
# Throughput of `cookielab serve` under wrk (loopback only, bounded), with capture on and off,
# on /set-cookie and on /protected with a valid session; then RSS after a long capture-on run.
# Usage: server_bench.sh /path/to/cookielab [seconds per run, default 8] [memory-run seconds, default 0]
# Each server is first warmed up (default 3 s, WARMUP=…) so the exchange log has reached its bound.
set -euo pipefail
cookielab=$1
seconds=${2:-8}
memory_seconds=${3:-0}
warmup=${WARMUP:-3}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }

source "$(dirname "$(readlink -f "$0")")/../load/cookielab_server.sh"
start_warm_server() { # extra args…; warms up so the exchange log is full (steady state)
    start_server "$@"
    wrk -t1 -c10 -d"${warmup}s" "$base/set-cookie" >/dev/null
}
rate() { # url, header…
    local url=$1; shift
    wrk -t1 -c10 -d"${seconds}s" "$@" "$url" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non2xx " $4 > "/dev/stderr"} /Socket errors/ {print $0 > "/dev/stderr"}'
}

# wrk and the server share two cores, so single runs are noisy: alternate on/off and keep each best.
declare -A results
max() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { print (a > b ? a : b) }'; }
for round in 1 2; do
    for capture in on off; do
        if [[ $capture == on ]]; then start_warm_server; else start_warm_server --no-capture; fi
        results[set-cookie,$capture]=$(max "${results[set-cookie,$capture]:-0}" "$(rate "$base/set-cookie")")
        cookie=$(login_cookie)
        results[protected,$capture]=$(max "${results[protected,$capture]:-0}" "$(rate "$base/protected" -H "Cookie: $cookie")")
        stop_server || true
    done
done

printf '%-12s %14s %14s\n' route "capture on" "capture off"
for route in set-cookie protected; do
    printf '%-12s %12s/s %12s/s\n' "/$route" "${results[$route,on]}" "${results[$route,off]}"
done
ratio=$(awk -v a="${results[set-cookie,on]}" -v b="${results[protected,on]}" -v c="${results[set-cookie,off]}" -v d="${results[protected,off]}" \
    'BEGIN { printf "%.2f", (a + b) / (c + d) }')

if [[ $memory_seconds -gt 0 ]]; then
    start_warm_server
    wrk -t2 -c50 -d"${memory_seconds}s" "$base/set-cookie" | awk '/requests in/ {print "memory run: " $1 " requests"}'
    echo "memory run: server RSS $(awk '/VmRSS/ {print $2 / 1024 " MB"}' /proc/"$server"/status) with the default log bound"
    stop_server || true
fi
echo "ratio capture $ratio"
