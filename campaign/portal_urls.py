"""A provider's promotion screens in the portal (/portaal/…): links, kit, embedding, reach."""

from django.urls import path

from campaign.views import embed

app_name = "campaign_portal"
urlpatterns: list = [
    path("insluiten/", embed.embed, name="embed"),
]
