"""What the embeddable widgets list, and the tracked links ("website") their links go through.

Three widgets: a provider's activities, a campaign page's, and a filtered agenda's. Each lists
activities with their next sessions in a few queries however many there are, and links every
one of them through a standing tracked link of channel "website": the provider's own links for
its widget (those of its promotion kit), the city's (no provider) for the others. Links are
read in one query and made only when missing, so a page rendered again makes none.
"""

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.http import QueryDict
from django.utils import timezone

from agenda.card_fields import CARD_SESSION_FIELDS
from agenda.filters import AgendaFilter
from agenda.models import Activity, Edition, Session
from campaign.models import CampaignPage, CampaignPick, LinkChannel, TrackedLink
from campaign.services.links import tracked_link_for_city, tracked_link_for_kit
from providers.models import Provider

WEBSITE = LinkChannel.WEBSITE
# At most this many activities in a campaign-page or agenda widget; the rest are one link away.
WIDGET_SIZE = 20
# Sessions shown per activity; the rest are counted.
SHOWN_SESSIONS = 3
# A visitor's address chooses an agenda widget's filters, so the city's links for filtered
# agendas are made by anybody who asks: past this many in an edition, a new selection links
# to the agenda untracked instead of making yet another link.
CITY_AGENDA_LINKS_MAX = 500

ACTIVITY_FIELDS = ["slug", "title", "title_en", "title_de", "provider", "edition"]
SESSION_FIELDS = CARD_SESSION_FIELDS


def _with_sessions(activities, sessions):
    """The activities, each with `matching_sessions` (venue and district) prefetched."""
    return (
        activities.select_related("provider")
        .only(*ACTIVITY_FIELDS, "provider__name", "provider__slug")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=sessions.select_related("venue__district").only(*SESSION_FIELDS),
                to_attr="matching_sessions",
            )
        )
    )


def provider_activities(provider: Provider, edition: Edition) -> list[Activity]:
    """The provider's public activities in the edition with a session still on, as its page
    lists them."""
    upcoming = Session.objects.active().not_ended()
    return list(
        _with_sessions(
            Activity.objects.public()
            .in_edition(edition)
            .filter(provider=provider, pk__in=upcoming.values("activity"))
            .order_by("title", "pk"),
            upcoming.order_by("starts_at", "pk"),
        )
    )


def page_activities(page: CampaignPage, edition: Edition) -> list[Activity]:
    """What a campaign page lists: its picked activities in their order, then those of its
    agenda selection (at most WIDGET_SIZE in all), only public ones with a session still on."""
    public = Activity.objects.public().in_edition(edition)
    upcoming = Session.objects.active().not_ended()
    position = CampaignPick.objects.filter(page=page, activity=OuterRef("pk")).values("position")
    picked = list(
        _with_sessions(
            public.filter(campaign_pages=page)
            .filter(pk__in=upcoming.values("activity"))
            .annotate(pick_position=Subquery(position[:1]))
            .order_by("pick_position", "pk"),
            upcoming.order_by("starts_at", "pk"),
        )[:WIDGET_SIZE]
    )
    if not page.agenda_query or len(picked) >= WIDGET_SIZE:
        return picked
    filterset = AgendaFilter(
        QueryDict(page.agenda_query),
        queryset=public.exclude(pk__in=[activity.pk for activity in picked]),
        edition=edition,
    )
    selected = _with_sessions(
        filterset.qs, filterset.matching_sessions().order_by("starts_at", "pk")
    )
    return picked + list(selected[: WIDGET_SIZE - len(picked)])


def agenda_activities(filterset: AgendaFilter) -> tuple[list[Activity], int]:
    """The first WIDGET_SIZE activities of the filtered agenda, and how many there are."""
    results = _with_sessions(
        filterset.qs, filterset.matching_sessions().order_by("starts_at", "pk")
    )
    shown = list(results[:WIDGET_SIZE])
    total = len(shown) if len(shown) < WIDGET_SIZE else filterset.qs.count()
    return shown, total


def provider_links(provider: Provider, edition: Edition, activities) -> dict:
    """The provider's website links: {activity pk: link} and {None: its provider page's link},
    read in one query; the missing ones are made (once: next time they are found)."""
    wanted = {activity.pk for activity in activities}
    found = {
        link.activity_id: link
        for link in TrackedLink.objects.filter(
            Q(activity__in=wanted, target_provider=None)
            | Q(activity=None, target_provider=provider),
            edition=edition,
            provider=provider,
            channel=WEBSITE,
            page=None,
            agenda_query="",
            standing=True,
        )
    }
    for activity in activities:
        if activity.pk not in found:
            found[activity.pk] = tracked_link_for_kit(
                provider=provider, channel=WEBSITE, activity=activity, edition=edition
            )
    if None not in found:
        found[None] = tracked_link_for_kit(provider=provider, channel=WEBSITE, edition=edition)
    return found


def city_links(
    edition: Edition, activities, *, page: CampaignPage | None = None, agenda_query=None
) -> dict:
    """The city's website links: {activity pk: link}, and under None the link to the page or
    to the agenda with `agenda_query` (None when too many filtered agendas have links already);
    read in one query, the missing ones made."""
    wanted = {activity.pk for activity in activities}
    common = {"edition": edition, "provider": None, "channel": WEBSITE, "standing": True}
    whole = (
        Q(page=page, activity=None)
        if page
        else Q(activity=None, page=None, target_provider=None, agenda_query=agenda_query or "")
    )
    found = {}
    for link in TrackedLink.objects.filter(
        Q(activity__in=wanted, page=None, target_provider=None, agenda_query="") | whole, **common
    ):
        found[link.activity_id] = link
    for activity in activities:
        if activity.pk not in found:
            found[activity.pk] = tracked_link_for_city(
                edition=edition, channel=WEBSITE, activity=activity
            )
    if None not in found:
        found[None] = _whole_link(edition, page=page, agenda_query=agenda_query or "")
    return found


def _whole_link(edition, *, page, agenda_query):
    if page is None:
        made = TrackedLink.objects.filter(
            edition=edition,
            provider=None,
            channel=WEBSITE,
            standing=True,
            activity=None,
            page=None,
            target_provider=None,
        ).count()
        if made >= CITY_AGENDA_LINKS_MAX:
            return None
    return tracked_link_for_city(
        edition=edition, channel=WEBSITE, page=page, agenda_query=agenda_query
    )


def published_page(edition: Edition, slug: str) -> CampaignPage | None:
    return CampaignPage.objects.published(timezone.now()).filter(edition=edition, slug=slug).first()
