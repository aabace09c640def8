#!/usr/bin/env bash
# Tracked-link redirect benchmark (issue 12). Not part of the test suite.
#
# Seeds the demo edition on a throwaway PostgreSQL, makes one tracked link and serves the site
# with the production gunicorn.conf.py (WORKERS workers, default 2, 4 threads each). With wrk at
# 8 connections for DURATION seconds each, in the same run: the trivial view (/bench/trivial:
# middleware only), /healthz (middleware and SELECT 1) and /r/<code> as a browser asks for it
# (a browser's User-Agent), which counts a visit at every request: wrk keeps no cookies, so
# every request is a new browser, the worst case for counting. Then it stops the server
# gracefully and compares the visits written to the database with the redirects answered
# (the buffers are written at exit). Twice: with the per-process cache and with Redis.
#
#   bench/redirect.sh                 # DURATION=15 by default
#   DURATION=10 bench/redirect.sh
#   SETUPS=local bench/redirect.sh    # without the Redis set-up
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
DURATION="${DURATION:-15}"
WORKERS="${WORKERS:-2}"
. bench/_setup.sh
export MAIL_SEND_IMMEDIATELY=0
AGENT="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"

python manage.py seed_demo >/dev/null
code="$(python manage.py shell -v0 -c "
from agenda.models import Activity, Edition
from campaign.services.links import tracked_link_create
edition = Edition.objects.current()
activity = Activity.objects.public().in_edition(edition).order_by('pk').first()
print(tracked_link_create(edition=edition, channel='poster', activity=activity).code)
")"

redis_pid=""
bench_cleanup() {
    [[ -n $redis_pid ]] && kill "$redis_pid" 2>/dev/null || true
    cleanup
}
trap bench_cleanup EXIT

port="$(w3_free_port)"
base="http://127.0.0.1:$port"

visits() {
    python manage.py shell -v0 -c "
from django.db.models import Sum
from campaign.models import LinkVisitDay
print(LinkVisitDay.objects.filter(link__code='$code').aggregate(s=Sum('visits'))['s'] or 0)"
}

declare -A rps
run_setup() { # title, cache URL or ""
    echo
    echo "== $1 ($WORKERS workers)"
    w3_bench_serve WEB_CONCURRENCY="$WORKERS" ${2:+"REDIS_URL=$2"}
    # Warm up: every worker has imported, connected and rendered once.
    wrk -t1 -c8 -d3s -H "User-Agent: $AGENT" "$base/r/$code" >/dev/null
    wrk -t1 -c8 -d2s "$base/bench/trivial" >/dev/null
    local before answered=0 url r p50 p95 p99 n
    w3_bench_stop
    before="$(visits)"
    w3_bench_serve WEB_CONCURRENCY="$WORKERS" ${2:+"REDIS_URL=$2"}
    printf '%-22s %10s %9s %9s %9s\n' "URL" "req/s" "p50 ms" "p95 ms" "p99 ms"
    for url in /bench/trivial /healthz "/r/$code"; do
        wrk -t1 -c8 -d"${DURATION}s" --latency -H "User-Agent: $AGENT" \
            -s bench/redirect.lua "$base$url" >"$work/wrk.txt"
        read -r r p50 p95 p99 n < <(grep '^BENCH ' "$work/wrk.txt" | cut -d' ' -f2-)
        if grep -q 'Socket errors' "$work/wrk.txt"; then
            grep 'Socket errors' "$work/wrk.txt" >&2
        fi
        rps[$url]="$r"
        [[ $url == /r/* ]] && answered="$n"
        printf '%-22s %10s %9s %9s %9s\n' "$url" "$r" "$p50" "$p95" "$p99"
    done
    w3_bench_stop
    python -c "import sys; r, t, h = map(float, sys.argv[1:4]); print(f'redirect: {100 * r / t:5.1f} % of the trivial view, {100 * r / h:5.1f} % of /healthz')" \
        "${rps[/r/$code]}" "${rps[/bench/trivial]}" "${rps[/healthz]}"
    echo "visits written after the graceful stop: $(($(visits) - before)) for $answered redirects answered to wrk"
}

run_setup "per-process cache" ""
if [[ ${SETUPS:-all} != local ]]; then
    command -v redis-server >/dev/null || { echo "redis-server not found: Redis set-up skipped" >&2; exit 0; }
    redis_port="$(w3_free_port)"
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
        --logfile "$work/redis.log" &
    redis_pid=$!
    sleep 0.5
    run_setup "Redis cache" "redis://127.0.0.1:$redis_port/0"
fi
