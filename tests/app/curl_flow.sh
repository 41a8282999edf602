#!/usr/bin/env bash
# Drives `cookielab serve --port 0` with curl's own cookie engine (-c/-b): a real client no one here wrote.
# Usage: curl_flow.sh /path/to/cookielab
set -euo pipefail
cookielab=$1
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

coproc SERVER { exec "$cookielab" serve --port 0 --log "$work/log.jsonl" 2>&1; }
server=$SERVER_PID
read -r -t 20 banner <&"${SERVER[0]}" || { echo "FAIL: server did not start"; exit 1; }
base=${banner##* }
base=${base%/}
echo "server: $base"

passed=0
failed=0
check() { # name, expected substring, actual
    if [[ "$3" == *"$2"* ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1: expected '$2' in: $3"; fi
}
jar="$work/cookies.txt"
c() { curl --silent --show-error --max-time 10 -c "$jar" -b "$jar" "$@"; }

check "home without token" '{"token":null}' "$(c "$base/")"
check "set-cookie header" 'Set-Cookie: user_id=12345; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax' "$(c -i "$base/set-cookie")"
check "curl stored user_id" 'user_id	12345' "$(cat "$jar")"
check "wrong password" '{"error":"Invalid credentials"}' "$(c -X POST -H 'Content-Type: application/json' -d '{"username":"alice","password":"x"}' "$base/login")"
check "protected before login" '{"error":"Unauthorized"}' "$(c "$base/protected")"
check "login" '{"status":"Login successful"}' "$(c -X POST -H 'Content-Type: application/json' -d '{"username":"alice","password":"wonderland"}' "$base/login")"
check "curl stored auth_token as HttpOnly" '#HttpOnly_127.0.0.1	FALSE	/	TRUE' "$(grep auth_token "$jar")"
check "protected after login" '{"message":"Welcome alice"}' "$(c "$base/protected")"
check "home sees token" '{"token":"v1.' "$(c "$base/")"
token=$(awk '$6 == "auth_token" {print $7}' "$jar")
check "logout" '{"status":"Logged out"}' "$(c "$base/logout")"
check "curl deleted auth_token" '' "$(grep -c auth_token "$jar" || true)"
[[ $(grep -c auth_token "$jar" || true) == 0 ]] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: auth_token still in curl's jar"; }
check "protected after logout" '{"error":"Unauthorized"}' "$(c "$base/protected")"
check "replayed token revoked" '{"error":"Invalid token"}' "$(curl -s -b "auth_token=$token" "$base/protected")"
check "multi-cookie" 'theme	dark' "$(c -o /dev/null "$base/multi-cookie"; cat "$jar")"
check "cookies echo" '"theme":"dark"' "$(c "$base/cookies")"
check "cookies/set redirect" '"flavour":"oatmeal"' "$(c -L "$base/cookies/set?flavour=oatmeal")"
check "injection refused" '400' "$(curl -s -o /dev/null -w '%{http_code}' "$base/response-headers?Set-Cookie=a%0d%0aX:1")"

kill -TERM "$server"
wait "$server" && status=0 || status=$?
check "clean shutdown on SIGTERM" '0' "$status"
check "every exchange in the JSON-lines log" '15' "$(wc -l < "$work/log.jsonl" | tr -d ' ')"
# The log reads back as traffic: converted to curl's own cookie file, it holds what curl's jar held.
"$cookielab" convert "$work/log.jsonl" --to netscape -o "$work/from-log.txt" 2>/dev/null
check "the log imports: theme cookie replayed" 'theme	dark' "$(cat "$work/from-log.txt")"
check "the log masks the submitted password" '0' "$(grep -c wonderland "$work/log.jsonl" || true)"

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
