"""Views shared by the whole site: health checks and friendly error pages."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from week3.middleware import Unreadable, UnreadableKey
from week3.readiness import readiness


@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def _may_see_details(request) -> bool:
    token = settings.READINESS_TOKEN
    given = request.headers.get("X-Readiness-Token") or request.GET.get("token", "")
    if token and given and secrets.compare_digest(given.encode(), token.encode()):
        return True
    user = request.user
    if not (user.is_active and user.is_staff):
        return False
    return user.is_verified() if settings.STAFF_REQUIRE_2FA else True


@never_cache
def ready(request):
    """Readiness: 200 when the database, cache, outbox and worker are fine, else 503. Details
    (JSON) for staff and for monitoring with READINESS_TOKEN; the public sees ok or not ok."""
    result = readiness()
    status = 200 if result["ready"] else 503
    if _may_see_details(request):
        return JsonResponse(result, status=status)
    text = "ok" if result["ready"] else "not ok"
    return HttpResponse(text, content_type="text/plain", status=status)


@require_safe
def security_txt(request):
    """RFC 9116: where to report a security problem (SECURITY_CONTACT), valid for a year."""
    contact = settings.SECURITY_CONTACT
    if "@" in contact and not contact.startswith(("mailto:", "https://")):
        contact = f"mailto:{contact}"
    expires = (timezone.now() + datetime.timedelta(days=365)).astimezone(datetime.UTC)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.replace(microsecond=0).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en, de",
        f"Canonical: {settings.SITE_URL}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def bad_request(request, exception):
    """A post too large to read (week3.uploads, DATA_UPLOAD_MAX_…), a NUL character and an
    admin action for keys that cannot be (week3.middleware) say so; Django's page for anything
    else."""
    if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)):
        return render(
            request,
            "413.html",
            {"megabytes": settings.IMAGE_MAX_BYTES // (1024 * 1024)},
            status=413,
        )
    if isinstance(exception, Unreadable):
        key = isinstance(exception, UnreadableKey)
        return render(request, "400.html", {"key": key}, status=400)
    return defaults.bad_request(request, exception)


def server_error(request):
    # Rendered without a request context: the page must not depend on the database.
    return HttpResponseServerError(loader.get_template("500.html").render())
