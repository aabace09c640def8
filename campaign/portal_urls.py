"""A provider's promotion screens in the portal (/portaal/…): links, kit, embedding, reach."""

from django.urls import path

from campaign.views import reach

app_name = "campaign_portal"
urlpatterns: list = [
    path("bereik/", reach.reach, name="reach"),
]
