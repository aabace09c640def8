"""The site's URLs plus /bench/trivial, the baseline a real page is measured against."""

from django.http import HttpResponse
from django.urls import path

from week3.urls import handler404, handler500  # noqa: F401
from week3.urls import urlpatterns as site_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial", trivial), *site_urlpatterns]
