#!/usr/bin/env bash
# Load benchmark of the public agenda (issue: foundation). Not part of the test suite.
#
# Seeds the demo edition plus `--scale 1000` on a throwaway PostgreSQL, serves it with gunicorn
# (production gunicorn.conf.py with 2 workers, production settings), and loads, with wrk at 8 connections for DURATION seconds:
# a trivial Django view, the agenda unfiltered, three filter combinations and an activity page;
# cold, also the agenda's floor (bench/urls.py: its SQL replayed, nothing rendered) and the floor
# of a page built on a read model (bench/read_model.py).
# Prints requests/s and latency percentiles per URL, the agenda's share of the trivial view's
# throughput, and the compressed size of the agenda's HTML + CSS + JS.
#
#   bench/agenda.sh            # DURATION=15 by default
#   DURATION=30 bench/agenda.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
DURATION="${DURATION:-15}"
. bench/_setup.sh
echo "Seeding the demo edition plus 1,000 activities …"
/usr/bin/time -f "seed_demo --scale 1000: %e s" python manage.py seed_demo --scale 1000 >/dev/null

port="$(w3_free_port)"
base="http://127.0.0.1:$port"

declare -A rps
measure() {
    printf '\n%-60s %10s %9s %9s %9s\n' "URL" "req/s" "p50 ms" "p95 ms" "p99 ms"
    for url in "$@"; do
        status="$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$base$url")"
        [[ $status == 200 ]] || { echo "$url answered $status" >&2; exit 1; }
        wrk -t"${WRK_THREADS:-1}" -c8 -d"${DURATION}s" --latency -H 'X-Forwarded-Proto: https' \
            -s bench/percentiles.lua "$base$url" >"$work/wrk.txt"
        read -r r p50 p95 p99 < <(grep '^BENCH ' "$work/wrk.txt" | cut -d' ' -f2-)
        if grep -q 'Non-2xx' "$work/wrk.txt"; then
            echo "$url: $(grep 'Non-2xx' "$work/wrk.txt")" >&2
        fi
        rps[$url]="$r"
        printf '%-60s %10s %9s %9s %9s\n' "${url:0:60}" "$r" "$p50" "$p95" "$p99"
    done
    echo
    for url in "${@:2}"; do
        python -c "import sys; a, t = float(sys.argv[1]), float(sys.argv[2]); print(f'{sys.argv[3]:<60} {100 * a / t:5.1f} % of the trivial view')" \
            "${rps[$url]}" "${rps[/bench/trivial]}" "$url"
    done
}

activity="$(python manage.py shell -v0 -c "from agenda.models import Activity, Edition; print(Activity.objects.public().filter(edition=Edition.objects.current()).order_by('pk').first().get_absolute_url())")"
day="$(python manage.py shell -v0 -c "from agenda.models import Edition; print(Edition.objects.current().days[1].isoformat())")"
urls=(
    "/bench/trivial"
    "/agenda/"
    "/agenda/?doelgroep=kinderen&leeftijd=8"
    "/agenda/?dag=$day&wijk=blerick&wijk=venlo-centrum&plek=on"
    "/agenda/?q=muziek&rolstoel=on&page=2"
    "$activity"
)

echo
echo "== As served: public pages cached by content fingerprint (agenda/caching.py)"
w3_bench_serve
measure "${urls[@]}"
w3_bench_stop

echo
echo "== Cold: page cache off (CACHE_URL=dummy://), every request renders the page"
python manage.py shell -v0 -c "from bench.read_model import build; build()"
w3_bench_serve CACHE_URL=dummy://
# The floor: the same SQL as the agenda page (plain, and searched), replayed with nothing else.
# The read model's floor: what a page built on a denormalised table would at least cost
# (bench/read_model.py; its search leaves out the wheelchair filter), with its page shell rendered
# once per process, and with the site's page template rendered per request.
measure "${urls[@]}" "/bench/agenda-floor" "/bench/agenda-floor?q=muziek&rolstoel=on&page=2" \
    "/bench/read-model-floor" "/bench/read-model-floor?q=muziek&page=2" \
    "/bench/read-model-page" "/bench/read-model-page?q=muziek&page=2"
w3_bench_stop
w3_bench_serve

curl -s -H 'X-Forwarded-Proto: https' "$base/agenda/" >"$work/agenda.html"
html="$(gzip -9c "$work/agenda.html" | wc -c)"
assets=0
for asset in $(grep -oE '(href|src)="/static/[^"]+\.(css|js)"' "$work/agenda.html" | cut -d'"' -f2); do
    size="$(curl -s -H 'Accept-Encoding: gzip' -H 'X-Forwarded-Proto: https' "$base$asset" | wc -c)"
    assets=$((assets + size))
done
echo
echo "agenda page, compressed: HTML $html B + CSS/JS $assets B = $(((html + assets) / 1024)) KiB"
python - "$work/agenda.html" <<'PY'
import sys
from html.parser import HTMLParser

LOADED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


class Loads(HTMLParser):
    found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "src" in attrs:
            self.found.append(attrs["src"])
        if tag == "link" and LOADED_LINKS & set((attrs.get("rel") or "").split()):
            self.found.append(attrs["href"])


parser = Loads()
parser.feed(open(sys.argv[1]).read())
others = [url for url in parser.found if "//" in url]
print("resources the agenda page loads:", ", ".join(parser.found))
print("of which from other hosts:", ", ".join(others) or "none")
PY
