from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")

    def ready(self):
        from agenda import fingerprint
        from campaign.models import CampaignPage

        # The landing pages and the home page's links to them are cached like the agenda: an
        # edit of a page or of its picks, and its window opening or closing, renders them again.
        fingerprint.track(
            CampaignPage,
            links=[CampaignPage.activities],
            moments=["publish_from", "publish_until"],
        )
