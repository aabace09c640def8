"""The published campaign pages, for search engines (week3.urls adds them to the sitemap)."""

from django.utils import timezone

from agenda.models import Edition
from agenda.sitemaps import _SiteSitemap
from campaign.models import CampaignPage


class CampaignPageSitemap(_SiteSitemap):
    changefreq = "weekly"

    def items(self):
        edition = Edition.objects.current()
        if edition is None:
            return CampaignPage.objects.none()
        return CampaignPage.objects.published(timezone.now()).filter(edition=edition).order_by("pk")

    def lastmod(self, page):
        return page.updated_at
