"""The campaign's public pages and a provider's promotion screens (under /portaal/)."""

from django.urls import path

from campaign.views import pages

app_name = "campaign"
urlpatterns: list = [
    path("campagne/<slug:slug>/", pages.page_detail, name="page_detail"),
]
