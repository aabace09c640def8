"""The campaign's public pages and a provider's promotion screens (under /portaal/)."""

from django.urls import path, re_path

from campaign.views import share

app_name = "campaign"
urlpatterns: list = [
    re_path(
        r"^deel/activiteit/(?P<slug>[-\w]+)-(?P<size>1080x1080|1080x1920|1200x630)\.png$",
        share.activity_share_image,
        name="activity_share_image",
    ),
    path("deel/campagne/<slug:slug>.png", share.page_share_image, name="page_share_image"),
]
