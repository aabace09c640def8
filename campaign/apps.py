from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")

    def ready(self):
        # Campaign pages show on cached public pages (the campaign-page widget): a change to a
        # page or its picks changes the content fingerprint (agenda.fingerprint). Agenda cannot
        # import campaign, so campaign adds its tables from here.
        from agenda import fingerprint
        from campaign.models import CampaignPage

        if CampaignPage not in fingerprint.TRACKED_MODELS:
            fingerprint.TRACKED_MODELS.append(CampaignPage)
        if CampaignPage.activities not in fingerprint.TRACKED_LINKS:
            fingerprint.TRACKED_LINKS.append(CampaignPage.activities)
