"""The site's URLs plus the baselines a real page is measured against."""

from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path

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


urlpatterns = [
    path("bench/trivial", trivial),
    path("bench/reservation-floor/<int:session_pk>", reservation_floor),
    *site_urlpatterns,
]
