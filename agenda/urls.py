from django.urls import path, register_converter

from agenda import (
    feed_views,
    followup_views,
    reservation_views,
    resident_views,
    statement_views,
    views,
)


class TokenConverter:
    """A personal link's code (secrets.token_urlsafe, or django.core.signing's): anything else,
    a NUL byte included, is no such link (404) before the database is asked."""

    regex = "[A-Za-z0-9_:-]{1,200}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TokenConverter, "token")

app_name = "agenda"

urlpatterns = [
    path("", views.home, name="home"),
    path("agenda/", views.agenda, name="activity_list"),
    path("activiteit/<slug:slug>/", views.activity_detail, name="activity_detail"),
    path("aanbieder/<slug:slug>/", views.provider_detail, name="provider_detail"),
    path(
        "activiteit/<slug:slug>/reserveren/<int:session_pk>/",
        reservation_views.reservation_create_view,
        name="reservation_create",
    ),
    path(
        "reservering/<token:token>/",
        reservation_views.reservation_detail,
        name="reservation_detail",
    ),
    path(
        "reservering/<token:token>/agenda.ics",
        reservation_views.reservation_calendar,
        name="reservation_calendar",
    ),
    path("mijn-week3/", resident_views.my_week3_request, name="my_week3_request"),
    path("mijn/<token:token>/", resident_views.my_week3, name="my_week3"),
    path(
        "mijn/<token:token>/agenda.ics", resident_views.my_week3_calendar, name="my_week3_calendar"
    ),
    path("favorieten/", resident_views.favourites, name="favourites"),
    path("favorieten/bewaar/", resident_views.favourite_save, name="favourite_save"),
    path(
        "favorieten/programma.ics",
        resident_views.favourites_calendar,
        name="favourites_calendar",
    ),
    path("vraag/<token:token>/", followup_views.followup, name="followup"),
    path("privacy/", statement_views.privacy, name="privacy"),
    path("toegankelijkheid/", statement_views.accessibility, name="accessibility"),
    path("colofon/", statement_views.colophon, name="colophon"),
    path("agenda.ics", feed_views.agenda_feed, name="agenda_feed"),
    path("aanbieder/<slug:slug>.ics", feed_views.provider_feed, name="provider_feed"),
    path("activiteit/<slug:slug>.ics", feed_views.activity_feed, name="activity_feed"),
    path(
        "activiteit/<slug:slug>/<int:session_pk>.ics",
        feed_views.session_download,
        name="session_ics",
    ),
]
