"""The site's URLs plus the baselines a real page is measured against."""

from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import path

from agenda import views as agenda_views
from bench.read_model import read_model_floor, read_model_page
from week3.urls import handler404, handler500  # noqa: F401
from week3.urls import urlpatterns as site_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


def reservation_floor(request, session_pk):
    """The least any reservation POST costs on this machine, to set the real one against.

    The same middleware and CSRF check, a transaction that locks the session row and writes it
    (walk-ins, which no page shows), and a redirect. The GET hands out the CSRF token.
    """
    if request.method != "POST":
        token = get_token(request)
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{token}">')
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT id FROM agenda_session WHERE id = %s FOR UPDATE", [session_pk])
        cursor.execute(
            "UPDATE agenda_session SET walk_ins = walk_ins + 1 WHERE id = %s", [session_pk]
        )
    return redirect("/bench/trivial")


_statements: dict[str, list[str]] = {}


def agenda_floor(request):
    """The database work of a cold agenda page and nothing else: the very SQL the page ran
    (recorded from one rendering of the same address, the page cache bypassed), replayed and
    fetched whole, then a short answer. No ORM objects, no template: what no cold rendering
    of this page can undercut here."""
    query = request.META.get("QUERY_STRING", "")
    statements = _statements.get(query)
    if statements is None:
        page = RequestFactory().get(f"/agenda/?{query}")
        with CaptureQueriesContext(connection) as queries:
            agenda_views.agenda.__wrapped__.__wrapped__(page)
        statements = _statements[query] = [q["sql"] for q in queries.captured_queries]
    rows = 0
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
            rows += len(cursor.fetchall())
    return HttpResponse(f"{rows} rows", content_type="text/plain")


urlpatterns = [
    path("bench/trivial", trivial),
    path("bench/agenda-floor", agenda_floor),
    path("bench/read-model-floor", read_model_floor),
    path("bench/read-model-page", read_model_page),
    path("bench/reservation-floor/<int:session_pk>", reservation_floor),
    *site_urlpatterns,
]
