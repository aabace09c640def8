#!/usr/bin/env bash
# Benchmark of the calendar feeds (issue 5). Not part of the test suite.
#
# Seeds the demo edition plus `--scale 1000` on a throwaway PostgreSQL and reports:
# - the time to build the full feed (/agenda.ics) cold, in-process (builder only) and over HTTP;
# - with gunicorn (production gunicorn.conf.py, 2 workers) and wrk at 8 connections for
#   DURATION seconds: the trivial Django view, the 304 revalidation path of the full feed
#   (If-None-Match), and the full feed served from the body cache; the 304 path's share of the
#   trivial view's throughput (target: at least 80 %).
#
#   bench/feeds.sh            # DURATION=15 by default
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
DURATION="${DURATION:-15}"
. bench/_setup.sh
echo "Seeding the demo edition plus 1,000 activities …"
/usr/bin/time -f "seed_demo --scale 1000: %e s" python manage.py seed_demo --scale 1000 >/dev/null

echo
echo "== Building the full feed in-process, cold (no cache), best of 3"
python manage.py shell -v0 -c "
import time
from agenda.feeds import edition_sessions
from agenda.ical import calendar_for_sessions
from agenda.models import Edition
edition = Edition.objects.current()
timings = []
for _ in range(3):
    start = time.perf_counter()
    body = calendar_for_sessions(edition_sessions(edition), name='bench').to_ical()
    timings.append(time.perf_counter() - start)
print(f'sessions: {body.count(b\"BEGIN:VEVENT\")}, size: {len(body) / 1024:.0f} KiB, '
      f'build: {min(timings) * 1000:.0f} ms (best of 3)')
"

port="$(w3_free_port)"
base="http://127.0.0.1:$port"
w3_bench_serve

echo
echo "== Over HTTP"
curl -s -o /dev/null -H 'X-Forwarded-Proto: https' \
    -w 'first request of /agenda.ics (cold: builds the feed): %{time_total} s, %{size_download} bytes\n' \
    "$base/agenda.ics"
curl -s -o /dev/null -H 'X-Forwarded-Proto: https' \
    -w 'second request (body cache):                         %{time_total} s\n' "$base/agenda.ics"
curl -s -o /dev/null -H 'X-Forwarded-Proto: https' -H 'Accept-Encoding: gzip' \
    -w 'on the wire with Accept-Encoding: gzip:              %{size_download} bytes\n' \
    "$base/agenda.ics"
etag="$(curl -s -D - -o /dev/null -H 'X-Forwarded-Proto: https' "$base/agenda.ics" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')"
status="$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' -H "If-None-Match: $etag" "$base/agenda.ics")"
[[ $status == 304 ]] || { echo "revalidation answered $status, not 304" >&2; exit 1; }

declare -A rps
run() {
    local name="$1" url="$2"
    shift 2
    wrk -t"${WRK_THREADS:-1}" -c8 -d"${DURATION}s" --latency -H 'X-Forwarded-Proto: https' "$@" \
        -s bench/percentiles.lua "$base$url" >"$work/wrk.txt"
    read -r r p50 p95 p99 < <(grep '^BENCH ' "$work/wrk.txt" | cut -d' ' -f2-)
    rps[$name]="$r"
    printf '%-40s %10s %9s %9s %9s\n' "$name" "$r" "$p50" "$p95" "$p99"
}
printf '\n%-40s %10s %9s %9s %9s\n' "" "req/s" "p50 ms" "p95 ms" "p99 ms"
run "trivial view" /bench/trivial
run "/agenda.ics, If-None-Match (304)" /agenda.ics -H "If-None-Match: $etag"
run "/agenda.ics (200 from the body cache)" /agenda.ics
run "/agenda.ics (200, gzip, from the cache)" /agenda.ics -H "Accept-Encoding: gzip"
echo
python -c "import sys; print(f'304 path: {100 * float(sys.argv[1]) / float(sys.argv[2]):.1f} % of the trivial view')" \
    "${rps["/agenda.ics, If-None-Match (304)"]}" "${rps["trivial view"]}"
