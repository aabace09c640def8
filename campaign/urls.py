"""The campaign's public pages and a provider's promotion screens (under /portaal/)."""

from django.urls import path, re_path

from campaign.views import pages, share, widget

app_name = "campaign"
urlpatterns: list = [
    path("campagne/<slug:slug>/", pages.page_detail, name="page_detail"),
    # The embeddable widgets (framed by other sites); "agenda" and "campagne" before the slug.
    path("widget/agenda/", widget.widget_agenda, name="widget_agenda"),
    path("widget/campagne/<slug:slug>/", widget.widget_page, name="widget_page"),
    path("widget/<slug:slug>/", widget.widget_provider, name="widget_provider"),
    # Share images: the activity page's og:image, and a campaign page's.
    re_path(
        r"^deel/activiteit/(?P<slug>[-\w]+)-(?P<size>1080x1080|1080x1920|1200x630)\.png$",
        share.activity_share_image,
        name="activity_share_image",
    ),
    path("deel/campagne/<slug:slug>.png", share.page_share_image, name="page_share_image"),
]
