"""The public pages for search engines, in every language with hreflang alternates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from agenda.models import Activity, Edition
from providers.models import Provider


class _SiteSitemap(Sitemap):
    """Absolute addresses on SITE_URL's scheme and host (the sites framework is not installed)."""

    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme


class StaticPagesSitemap(_SiteSitemap):
    changefreq = "daily"

    def items(self):
        return ["agenda:home", "agenda:activity_list"]

    def location(self, item):
        return reverse(item)


class ActivitySitemap(_SiteSitemap):
    changefreq = "daily"

    def items(self):
        edition = Edition.objects.current()
        if edition is None:
            return Activity.objects.none()
        return Activity.objects.public().in_edition(edition).order_by("pk")

    def lastmod(self, activity):
        return activity.updated_at


class ProviderSitemap(_SiteSitemap):
    changefreq = "weekly"

    def items(self):
        # The provider page needs a published edition; every approved provider has one then.
        if Edition.objects.current() is None:
            return Provider.objects.none()
        return Provider.objects.approved().order_by("pk")

    def lastmod(self, provider):
        return provider.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "activities": ActivitySitemap,
    "providers": ProviderSitemap,
}
