#!/usr/bin/env bash
# How wrk's kept-alive connections fall on gunicorn's workers, and what that does to throughput
# (issue: campaign-day traffic). Not part of the test suite.
#
# Seeds the demo edition plus `--scale 1000` on a throwaway PostgreSQL, serves it with the
# production gunicorn.conf.py (2 workers, 4 threads each, per-process page cache), warms every
# address of the campaign benchmark, then runs wrk (bench/campaign.lua, 8 connections) TRIES
# times for DURATION seconds. For each try: how many connections each worker process held 2 s in
# (`ss`), requests/s and latency percentiles. Run it once with the production setting and once
# with GUNICORN_KEEPALIVE_REQUESTS=0 (connections kept for good) to compare:
#
#   bench/keepalive.sh                                # TRIES=6 DURATION=5 by default
#   GUNICORN_KEEPALIVE_REQUESTS=0 bench/keepalive.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
TRIES="${TRIES:-6}"
DURATION="${DURATION:-5}"
. bench/_setup.sh
python manage.py seed_demo --scale 1000 >/dev/null
python bench/campaign_addresses.py "$work/urls.txt" "$work/forms.txt"
port="$(w3_free_port)"
base="http://127.0.0.1:$port"
w3_bench_serve
while read -r url; do # the gzip variants, which wrk asks for
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' -H 'X-Forwarded-Proto: https' "$base$url"
done <"$work/urls.txt"
URLS="$work/urls.txt" wrk -t1 -c8 -d5s -s bench/campaign.lua "$base" >/dev/null

echo "GUNICORN_KEEPALIVE_REQUESTS=${GUNICORN_KEEPALIVE_REQUESTS:-(default)}, $TRIES tries of ${DURATION} s"
printf '%-28s %8s %8s %8s %8s %7s\n' "connections per worker" "req/s" "p50 ms" "p95 ms" "p99 ms" "errors"
for _ in $(seq 1 "$TRIES"); do
    (sleep 2 && { ss -tnpH state established "( sport = :$port )" | grep -o 'pid=[0-9]*' \
        | sort | uniq -c | awk '{print $1}' | sort -rn | paste -sd/ || true; } \
        >"$work/split.txt") &
    counting=$!
    URLS="$work/urls.txt" wrk -t1 -c8 -d"${DURATION}s" --timeout 10s -s bench/campaign.lua \
        "$base" >"$work/wrk.txt"
    wait "$counting"
    grep -q '^CAMPAIGN ' "$work/wrk.txt" || { cat "$work/wrk.txt" >&2; exit 1; }
    read -r rps p50 p95 p99 errors _ < <(grep '^CAMPAIGN ' "$work/wrk.txt" | cut -d' ' -f2-)
    printf '%-28s %8s %8s %8s %8s %7s\n' "$(cat "$work/split.txt")" "$rps" "$p50" "$p95" "$p99" "$errors"
done
