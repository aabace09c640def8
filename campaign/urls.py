"""The campaign's public pages and a provider's promotion screens (under /portaal/)."""

from django.urls import path

from campaign.views import pages, widget

app_name = "campaign"
urlpatterns: list = [
    path("campagne/<slug:slug>/", pages.page_detail, name="page_detail"),
    # The embeddable widgets (framed by other sites); "agenda" and "campagne" before the slug.
    path("widget/agenda/", widget.widget_agenda, name="widget_agenda"),
    path("widget/campagne/<slug:slug>/", widget.widget_page, name="widget_page"),
    path("widget/<slug:slug>/", widget.widget_provider, name="widget_provider"),
]
