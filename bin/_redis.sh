# shellcheck shell=bash
# A throwaway Redis on a free port; sourced by bin/test (tests of several app servers use it).
#
#   w3_redis_start   starts redis-server and exports REDIS_TEST_URL=redis://127.0.0.1:PORT/0
#   w3_redis_stop    stops it (safe to call more than once)
#
# Nothing is written to disk. Without redis-server installed, w3_redis_start fails quietly and
# the tests that need Redis are skipped (unless W3_REQUIRE_REDIS is set).

W3_REDIS_DIR=""

w3_redis_start() {
    local port
    command -v redis-server >/dev/null || return 1
    W3_REDIS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/week3-redis.XXXXXX")"
    port="$(w3_free_port)"
    # Never under bin/test-at's libfaketime: daemonizing hangs there, and keys expire relative
    # to Redis's own clock anyway.
    env -u LD_PRELOAD -u FAKETIME redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --dir "$W3_REDIS_DIR" --pidfile "$W3_REDIS_DIR/redis.pid" \
        --logfile "$W3_REDIS_DIR/redis.log" || return 1
    for _ in $(seq 1 50); do
        [[ -s $W3_REDIS_DIR/redis.pid ]] && break
        sleep 0.1
    done
    export REDIS_TEST_URL="redis://127.0.0.1:$port/0"
    echo "Throwaway Redis $(env -u LD_PRELOAD redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$port." >&2
}

w3_redis_stop() {
    [[ -n $W3_REDIS_DIR ]] || return 0
    if [[ -s $W3_REDIS_DIR/redis.pid ]]; then
        kill "$(cat "$W3_REDIS_DIR/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$W3_REDIS_DIR"
    W3_REDIS_DIR=""
}
