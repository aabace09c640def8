from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")

    def ready(self):
        from django.core.signals import request_finished

        from campaign import admin_links  # noqa: F401  staff's tracked links in the admin
        from campaign.services.visits import link_visits_flush_if_due

        # Not domain logic: after any answer has gone out, write the buffered link visits.
        request_finished.connect(link_visits_flush_if_due, dispatch_uid="campaign_link_visits")
