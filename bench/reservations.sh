#!/usr/bin/env bash
# Load benchmark of reservations (issue 4). Not part of the test suite.
#
# On a throwaway PostgreSQL with the demo edition, one session with 20 places gets CLIENTS (200)
# simultaneous reservation POSTs through gunicorn (production gunicorn.conf.py, 2 workers,
# production settings, RESERVATION_RATE_LIMIT=off). Each client first GETs the form for its
# CSRF token, then all post at once. Prints the status counts, 5xx, p50/p95 latency of the POSTs,
# and checks that exactly 20 are confirmed and the rest wait, in line, with matching counters.
# First the same rush on the floor (bench/urls.py): POSTs that only pass the middleware and the
# CSRF check and lock and write the session row, what no reservation can undercut here.
# E-mails go to the outbox (MAIL_SEND_IMMEDIATELY=0): sending is the worker's job, not the
# request's. Target: no 5xx, p95 ≤ 250 ms.
#
#   bench/reservations.sh
#   CLIENTS=400 bench/reservations.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CLIENTS="${CLIENTS:-200}"
. bench/_setup.sh
export RESERVATION_RATE_LIMIT=off MAIL_SEND_IMMEDIATELY=0
python manage.py seed_demo >/dev/null

form="$(python manage.py shell -v0 -c "
import datetime
from django.urls import reverse
from django.utils import timezone
from agenda.models import Activity, Edition, Session
activity = Activity.objects.public().filter(edition=Edition.objects.current(), registration='reserve').order_by('pk').first()
activity.max_party_size = 1
activity.save()
start = timezone.now() + datetime.timedelta(days=7)
session = Session.objects.create(activity=activity, venue=activity.sessions.first().venue, starts_at=start, ends_at=start + datetime.timedelta(hours=1), capacity=20)
print(reverse('agenda:reservation_create', kwargs={'slug': activity.slug, 'session_pk': session.pk}))
")"
session_pk="$(basename "$form")"

port="$(w3_free_port)"
base="http://127.0.0.1:$port"
w3_bench_serve WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"
curl -fs "$base$form" >/dev/null || { cat "$work/gunicorn.log" >&2; exit 1; }

echo "== floor: $CLIENTS simultaneous POSTs that only pass the CSRF check and lock and write the row"
# CPU time is read off gunicorn's process tree and PostgreSQL's (the postmaster's), in that order.
postmaster="$(head -1 "$W3_PG_DIR/data/postmaster.pid")"
python bench/reservation_rush.py "$base" "/bench/reservation-floor/$session_pk" "$CLIENTS" \
    "$gunicorn_pid" "$postmaster"
echo "== $CLIENTS simultaneous reservations on one 20-place session ($form)"
python bench/reservation_rush.py "$base" "$form" "$CLIENTS" "$gunicorn_pid" "$postmaster"

python manage.py shell -v0 -c "
from django.db.models import Sum
from agenda.models import Reservation, Session
session = Session.objects.get(pk=$session_pk)
line = list(Reservation.objects.filter(session=session).order_by('created_at', 'pk'))
confirmed = [r for r in line if r.state == 'confirmed']
waiting = [r for r in line if r.state == 'waiting']
in_order = line == confirmed + waiting and [r.position_in_line() for r in waiting] == list(range(1, len(waiting) + 1))
counters = (session.places_booked, session.places_waiting) == (len(confirmed), len(waiting))
ok = len(confirmed) == 20 and len(waiting) == $CLIENTS - 20 and in_order and counters
print(f'confirmed {len(confirmed)}, waiting {len(waiting)}, in order {in_order}, counters match {counters}:', 'OK' if ok else 'FAIL')
raise SystemExit(0 if ok else 1)
"
grep -i -E 'error|traceback' "$work/gunicorn.log" | head -5 || true
