from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Campaign")

    def ready(self):
        from django.contrib import admin

        from campaign.admin_reach import add_reach_urls

        add_reach_urls(admin.site)
