from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")

    def ready(self):
        from django.contrib import admin
        from django.core.signals import request_finished

        from agenda import fingerprint
        from campaign import admin_links  # noqa: F401  staff's tracked links in the admin
        from campaign.admin_reach import add_reach_urls
        from campaign.models import CampaignPage
        from campaign.services.visits import link_visits_flush_if_due

        # Not domain logic: after any answer has gone out, write the buffered link visits.
        request_finished.connect(link_visits_flush_if_due, dispatch_uid="campaign_link_visits")

        # The landing pages and the home page's links to them are cached like the agenda: an
        # edit of a page or of its picks, and its window opening or closing, renders them again.
        fingerprint.track(
            CampaignPage,
            links=[CampaignPage.activities],
            moments=["publish_from", "publish_until"],
        )

        # The reach pages for staff, in front of the admin's own URLs (its login and 2FA).
        add_reach_urls(admin.site)
