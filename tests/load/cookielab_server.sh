# Sourced by the load and benchmark scripts: runs `cookielab serve` on a free loopback port.
# Needs $cookielab. start_server [extra serve args…] sets $server (pid) and $base (URL without the
# trailing slash); stop_server ends it with SIGTERM; login_cookie prints "auth_token=…" for alice.

start_server() {
    coproc SERVER { exec "$cookielab" serve --port 0 --quiet "$@" 2>&1; }
    server=$SERVER_PID
    read -r -t 20 banner <&"${SERVER[0]}"
    base=${banner##* }
    base=${base%/}
}

stop_server() {
    kill -TERM "$server"
    wait "$server"
}

login_cookie() {
    curl -s -D - -o /dev/null -X POST -d '{"username":"alice","password":"wonderland"}' "$base/login" |
        awk -F'[ ;]' '/^Set-Cookie: auth_token=/ {print $2}'
}
