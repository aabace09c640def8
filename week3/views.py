"""Views shared by the whole site: health check and friendly error pages."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache


@never_cache
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def bad_request(request, exception):
    """A post too large to read (week3.uploads, DATA_UPLOAD_MAX_…) says so; Django's page
    for anything else."""
    if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)):
        return render(
            request,
            "413.html",
            {"megabytes": settings.IMAGE_MAX_BYTES // (1024 * 1024)},
            status=413,
        )
    return defaults.bad_request(request, exception)


def server_error(request):
    # Rendered without a request context: the page must not depend on the database.
    return HttpResponseServerError(loader.get_template("500.html").render())
