#!/usr/bin/env bash
# Load benchmark of the public agenda (issue: foundation). Not part of the test suite.
#
# Seeds the demo edition plus `--scale 1000` on a throwaway PostgreSQL, serves it with gunicorn
# (2 workers, production settings), and loads, with wrk at 8 connections for DURATION seconds:
# a trivial Django view, the agenda unfiltered, three filter combinations and an activity page.
# Prints requests/s and latency percentiles per URL, the agenda's share of the trivial view's
# throughput, and the compressed size of the agenda's HTML + CSS + JS.
#
#   bench/agenda.sh            # DURATION=15 by default
#   DURATION=30 bench/agenda.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bin/_venv.sh
. bin/_pg.sh
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }

DURATION="${DURATION:-15}"
w3_venv
export PATH="$W3_VENV/bin:$PATH"
work="$(mktemp -d "${TMPDIR:-/tmp}/week3-bench.XXXXXX")"
gunicorn_pid=""
cleanup() {
    [[ -n $gunicorn_pid ]] && kill -TERM "$gunicorn_pid" 2>/dev/null && wait "$gunicorn_pid" 2>/dev/null
    w3_pg_stop
    rm -rf "$work"
}
trap cleanup EXIT
unset DATABASE_URL
w3_pg_start

export DJANGO_SETTINGS_MODULE=bench.settings
export SECRET_KEY="bench-only-$(python -c 'import secrets; print(secrets.token_hex(16))')"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false STATIC_ROOT="$work/static" LOG_LEVEL=WARNING
python manage.py migrate --noinput -v0
python manage.py collectstatic --noinput -v0
echo "Seeding the demo edition plus 1,000 activities …"
/usr/bin/time -f "seed_demo --scale 1000: %e s" python manage.py seed_demo --scale 1000 >/dev/null

port="$(w3_free_port)"
gunicorn bench.wsgi_app:application --bind "127.0.0.1:$port" --workers 2 \
    --log-level warning >"$work/gunicorn.log" 2>&1 &
gunicorn_pid=$!
for _ in $(seq 1 60); do
    curl -fs "http://127.0.0.1:$port/bench/trivial" >/dev/null && break
    sleep 0.5
done

base="http://127.0.0.1:$port"
activity="$(python manage.py shell -c "from agenda.models import Activity, Edition; print(Activity.objects.public().filter(edition=Edition.objects.current()).order_by('pk').first().get_absolute_url())")"
day="$(python manage.py shell -c "from agenda.models import Edition; print(Edition.objects.current().days[1].isoformat())")"
urls=(
    "/bench/trivial"
    "/agenda/"
    "/agenda/?doelgroep=kinderen&leeftijd=8"
    "/agenda/?dag=$day&wijk=blerick&wijk=venlo-centrum&plek=on"
    "/agenda/?q=muziek&rolstoel=on&page=2"
    "$activity"
)

printf '\n%-60s %10s %9s %9s %9s\n' "URL" "req/s" "p50 ms" "p95 ms" "p99 ms"
declare -A rps
for url in "${urls[@]}"; do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$base$url")"
    [[ $status == 200 ]] || { echo "$url answered $status" >&2; exit 1; }
    wrk -t2 -c8 -d"${DURATION}s" --latency -H 'X-Forwarded-Proto: https' \
        -s bench/percentiles.lua "$base$url" >"$work/wrk.txt"
    read -r r p50 p95 p99 < <(grep '^BENCH ' "$work/wrk.txt" | cut -d' ' -f2-)
    if grep -q 'Non-2xx' "$work/wrk.txt"; then
        echo "$url: $(grep 'Non-2xx' "$work/wrk.txt")" >&2
    fi
    rps[$url]="$r"
    printf '%-60s %10s %9s %9s %9s\n' "${url:0:60}" "$r" "$p50" "$p95" "$p99"
done

echo
for url in "${urls[@]:1:4}"; do
    python -c "import sys; a, t = float(sys.argv[1]), float(sys.argv[2]); print(f'{sys.argv[3]:<60} {100 * a / t:5.1f} % of the trivial view')" \
        "${rps[$url]}" "${rps[/bench/trivial]}" "$url"
done

curl -s -H 'X-Forwarded-Proto: https' "$base/agenda/" >"$work/agenda.html"
html="$(gzip -9c "$work/agenda.html" | wc -c)"
assets=0
for asset in $(grep -oE '(href|src)="/static/[^"]+\.(css|js)"' "$work/agenda.html" | cut -d'"' -f2); do
    size="$(curl -s -H 'Accept-Encoding: gzip' -H 'X-Forwarded-Proto: https' "$base$asset" | wc -c)"
    assets=$((assets + size))
done
echo
echo "agenda page, compressed: HTML $html B + CSS/JS $assets B = $(((html + assets) / 1024)) KiB"
others="$(grep -oE '(src|href)="https?://[^"]+"' "$work/agenda.html" | grep -vE 'href="https?://(www\.openstreetmap|wa\.me|www\.facebook)' || true)"
echo "resources the agenda loads from other hosts: ${others:-none}"
