"""The site's URLs: public pages in every language (Dutch without a prefix), admin, health."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from week3 import views

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("beheer/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("agenda.urls")),
    prefix_default_language=False,
)
if settings.SERVE_MEDIA:
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

handler404 = "week3.views.page_not_found"
handler500 = "week3.views.server_error"
