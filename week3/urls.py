"""The site's URLs: public pages in every language (Dutch without a prefix), admin, health."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.static import serve

from agenda import feed_views
from agenda.sitemaps import SITEMAPS
from campaign.sitemaps import CampaignPageSitemap
from campaign.views import links as campaign_links
from week3 import views
from week3.staff_auth import views as staff_auth_views

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("readyz", views.ready, name="ready"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    # Before the admin's own URLs: the second factor for staff (week3.staff_auth).
    path("beheer/tweede-stap/", staff_auth_views.otp_verify, name="staff_otp_verify"),
    path("beheer/tweede-stap/instellen/", staff_auth_views.otp_setup, name="staff_otp_setup"),
    path("beheer/impact/", include("impact.staff_urls")),
    path("beheer/", admin.site.urls),
    path("robots.txt", feed_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {**SITEMAPS, "campaign": CampaignPageSitemap}},
        name="sitemap",
    ),
    path("api/v1/agenda.json", feed_views.open_data, name="open_data"),
    # Short enough for a poster: no language prefix, the visitor's language is chosen inside.
    re_path(r"^r/(?P<code>[^/]+)/?$", campaign_links.follow, name="campaign_redirect"),
]
urlpatterns += i18n_patterns(
    path("", include("agenda.urls")),
    path("portaal/", include("portal.urls")),
    path("portaal/", include("campaign.portal_urls")),
    path("", include("campaign.urls")),
    path("", include("impact.urls")),
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

handler400 = "week3.views.bad_request"
handler404 = "week3.views.page_not_found"
handler500 = "week3.views.server_error"
