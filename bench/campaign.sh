#!/usr/bin/env bash
# Campaign-day load (issue: campaign-day traffic). Not part of the test suite.
#
# Seeds the demo edition plus `--scale 1000` on a throwaway PostgreSQL and starts a Redis of its
# own. Browsing: wrk (bench/campaign.lua) at 8 connections rotates over ~50 public addresses
# (home, the agenda with six filters, in nl/en/de; 20 activity pages; provider pages; the
# whole, a filtered, a provider's and an activity's calendar feed; open data), accepting gzip.
# Beside it, bench/campaign_writes.py reserves through the real HTTP form at a fixed rate and
# edits a provider every 10 s. Three loads, DURATION seconds each:
#
#   browse          browsing only
#   +1 res/s        browsing plus 1 reservation per second
#   +5 res/s, edits browsing plus 5 reservations per second and a provider edit every 10 s
#
# on three set-ups with the same 2 workers in all (production gunicorn.conf.py, 4 threads each):
# one app server with the per-process cache (the embedded default), one with Redis, and two app
# servers of one worker each sharing Redis (wrk then sends 4 connections to each). Per run:
# throughput, latency percentiles (the slower server's, with two), errors, the reservations'
# GET+POST latency, and how many pages were rendered (the page cache logs each rendering), all
# after a warm-up (every address once, then 10 s of wrk untimed).
# Last: 60 residents at once at one 20-place session through both servers, and a check that
# no session holds more than its capacity and every counter matches its reservations.
#
# With ROUNDS=n (default 1) each set-up runs the three loads n times, interleaved (browse, +1,
# +5, warm-up, browse, …), and ends with the median of each load and its share of the browsing median,
# then each round's share and their median: on a machine whose throughput drifts, a share
# taken within one round is fairer than one taken across minutes. (Before gunicorn.conf.py ended
# kept-alive connections after GUNICORN_KEEPALIVE_REQUESTS requests, a round's share on one
# server also depended on how wrk's 8 connections fell on the two workers: bench/keepalive.sh,
# docs/benchmarks.md.)
#
#   bench/campaign.sh               # DURATION=30 by default
#   SETUPS=local bench/campaign.sh  # the per-process set-up only (also runs on older commits)
#   ROUNDS=3 DURATION=15 bench/campaign.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "redis-server not found: apt-get install redis-server" >&2; exit 2; }
DURATION="${DURATION:-30}"
ROUNDS="${ROUNDS:-1}"
. bench/_setup.sh
export RESERVATION_RATE_LIMIT=off MAIL_SEND_IMMEDIATELY=0

redis_port="$(w3_free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --logfile "$work/redis.log" --pidfile "$work/redis.pid"
servers=()
stop_servers() {
    local pid
    for pid in "${servers[@]}"; do
        kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    done
    servers=()
}
campaign_cleanup() {
    stop_servers
    [[ -f $work/redis.pid ]] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
    cleanup
}
trap campaign_cleanup EXIT

echo "Seeding the demo edition plus 1,000 activities …"
python manage.py seed_demo --scale 1000 >/dev/null
python bench/campaign_addresses.py "$work/urls.txt" "$work/forms.txt"
echo "$(wc -l <"$work/urls.txt") addresses, $(wc -l <"$work/forms.txt") sessions to reserve in"

start_servers() { # count, cache
    local count=$1 cache=$2 i port
    bases=()
    logs=()
    for ((i = 1; i <= count; i++)); do
        port="$(w3_free_port)"
        env WEB_CONCURRENCY=$((2 / count)) BIND="127.0.0.1:$port" ${cache:+REDIS_URL=$cache} \
            gunicorn bench.wsgi_app:application -c gunicorn.conf.py --access-logfile /dev/null \
            >"$work/gunicorn-$i.log" 2>&1 &
        servers+=($!)
        bases+=("http://127.0.0.1:$port")
        logs+=("$work/gunicorn-$i.log")
    done
    for base in "${bases[@]}"; do
        for _ in $(seq 1 60); do
            curl -fs "$base/bench/trivial" >/dev/null && break
            sleep 0.5
        done
    done
}

renders() { cat "${logs[@]}" | grep -c '^rendered ' || true; }

warm_up() { # every address once (the slow first renderings one at a time), then wrk for 10 s
    # untimed, so that every worker process has what it serves
    local base url
    for base in "${bases[@]}"; do
        while read -r url; do
            curl -s -o /dev/null -H 'Accept-Encoding: gzip' -H 'X-Forwarded-Proto: https' \
                "$base$url"
        done <"$work/urls.txt"
        URLS="$work/urls.txt" wrk -t1 -c8 -d10s --timeout 30s -s bench/campaign.lua "$base" \
            >/dev/null
    done
}

run_load() { # label, reservations per second, seconds between edits
    local label=$1 rate=$2 edit=$3 before rps=0 p50=0 p95=0 p99=0 errors=0 requests=0 writes
    before="$(renders)"
    local i=0 out=() clients=()
    for base in "${bases[@]}"; do
        out+=("$work/wrk-$i.txt")
        URLS="$work/urls.txt" wrk -t1 -c$((8 / ${#bases[@]})) -d"${DURATION}s" --timeout 10s \
            -s bench/campaign.lua "$base" >"$work/wrk-$i.txt" &
        clients+=($!)
        i=$((i + 1))
    done
    writes="$(python bench/campaign_writes.py --rate "$rate" --edit-every "$edit" \
        --duration "$DURATION" "$work/forms.txt" "${bases[@]}")"
    wait "${clients[@]}"
    for file in "${out[@]}"; do
        read -r r a b c e n < <(grep '^CAMPAIGN ' "$file" | cut -d' ' -f2-)
        rps=$((rps + r))
        errors=$((errors + e))
        requests=$((requests + n))
        p50="$(python -c "print(max($p50, $a))")"
        p95="$(python -c "print(max($p95, $b))")"
        p99="$(python -c "print(max($p99, $c))")"
    done
    read -r made w50 w95 wfail edits <<<"${writes#WRITES }"
    printf '%-22s %8s %7s %7s %7s %7s %9s %12s %8s %6s %8s\n' "$label" "$rps" "$p50" "$p95" \
        "$p99" "$errors" "$made/$wfail" "$w50/$w95" "$edits" "$(($(renders) - before))" "$requests"
    printf '%s\t%s\t%s\t%s\n' "$label" "$rps" "$p99" "$errors" >>"$work/rounds.tsv"
}

medians() { # per load: median req/s, its share of the browsing median, median p99, errors
    python - "$work/rounds.tsv" <<'PY'
import statistics, sys
loads = {}
for line in open(sys.argv[1]):
    label, rps, p99, errors = line.rstrip("\n").split("\t")
    loads.setdefault(label, []).append((float(rps), float(p99), int(errors)))
browse = statistics.median(r for r, _, _ in loads["browse"])
for label, runs in loads.items():
    rps = statistics.median(r for r, _, _ in runs)
    p99 = statistics.median(p for _, p, _ in runs)
    shares = [100 * r / b for (r, _, _), (b, _, _) in zip(runs, loads["browse"])]
    print(f"median {label:<15} {rps:8.0f} req/s {100 * rps / browse:4.0f} % of browsing"
          f"  p99 {p99:6.1f} ms  errors {sum(e for _, _, e in runs)}"
          f"  (% per round: {' '.join(f'{share:.0f}' for share in shares)};"
          f" their median {statistics.median(shares):.0f} %)")
PY
}

run_setup() { # title, server count, cache
    echo
    echo "== $1"
    printf '%-22s %8s %7s %7s %7s %7s %9s %12s %8s %6s %8s\n' load "req/s" "p50 ms" "p95 ms" \
        "p99 ms" errors "res/fail" "res p50/p95" edits renders requests
    [[ -n $3 ]] && redis-cli -p "$redis_port" flushall >/dev/null
    start_servers "$2" "$3"
    : >"$work/rounds.tsv"
    for ((round = 1; round <= ROUNDS; round++)); do
        warm_up # again after a round's edits, so that each browsing load starts warm
        run_load "browse" 0 0
        run_load "+1 res/s" 1 0
        run_load "+5 res/s, edits/10 s" 5 10
    done
    if ((ROUNDS > 1)); then
        medians
    fi
    stop_servers
}

redis_url="redis://127.0.0.1:$redis_port/0"
run_setup "one app server, per-process cache (2 workers)" 1 ""
if [[ ${SETUPS:-all} == local ]]; then
    exit 0
fi
run_setup "one app server, Redis (2 workers)" 1 "$redis_url"
run_setup "two app servers sharing Redis (1 worker each)" 2 "$redis_url"

echo
echo "== 60 residents at once at one 20-place session, through both servers"
python manage.py shell -v0 -c "
import datetime
from django.urls import reverse
from django.utils import timezone
from agenda.models import Activity, Edition, Session
activity = Activity.objects.public().filter(edition=Edition.objects.current(), registration='reserve').order_by('pk').first()
activity.max_party_size = 1
activity.save()
start = timezone.now() + datetime.timedelta(days=7)
session = Session.objects.create(activity=activity, venue=activity.sessions.first().venue, starts_at=start, ends_at=start + datetime.timedelta(hours=1), capacity=20)
open('$work/rush.txt', 'w').write(reverse('agenda:reservation_create', kwargs={'slug': activity.slug, 'session_pk': session.pk}) + '\n')
"
start_servers 2 "$redis_url"
python bench/campaign_writes.py --rush 60 "$work/rush.txt" "${bases[@]}"
stop_servers
python manage.py shell -v0 -c "
from django.db.models import Q, Sum
from agenda.models import Reservation, Session
rush = Session.objects.get(pk=int(open('$work/rush.txt').read().rstrip('/\n').rsplit('/', 1)[1]))
confirmed = Reservation.objects.filter(session=rush, state='confirmed').count()
print(f'rush session: {confirmed} confirmed of 20 places, {rush.places_waiting} waiting')
sums = Session.objects.annotate(
    booked=Sum('reservations__party_size', filter=Q(reservations__state__in=['confirmed', 'attended', 'no_show']), default=0),
    waiting=Sum('reservations__party_size', filter=Q(reservations__state='waiting'), default=0))
wrong = [s.pk for s in sums if (s.booked, s.waiting) != (s.places_booked, s.places_waiting)]
over = [s.pk for s in sums if s.capacity is not None and s.places_booked > s.capacity]
print(f'sessions whose counters differ from their reservations: {len(wrong)}; over capacity: {len(over)}')
"
