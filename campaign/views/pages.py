"""A campaign's landing page: the activities staff picked, then the agenda's selection."""

from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from agenda.caching import cache_public_page
from agenda.card_fields import CARD_FIELDS, CARD_SESSION_FIELDS
from agenda.ical import absolute_url
from agenda.models import Activity, Edition, Session
from campaign import selection
from campaign.models import CampaignPage, CampaignPick

# The cards a page lists at most; "see all in the agenda" has the rest.
PAGE_CARDS = 48


def _sessions(queryset, to_attr):
    return Prefetch(
        "sessions",
        queryset=queryset.only(*CARD_SESSION_FIELDS).select_related("venue__district"),
        to_attr=to_attr,
    )


def page_activities(page: CampaignPage, edition) -> list[Activity]:
    """The public activities with a session still on: the picked ones in their order, then
    those of the stored selection (each once) by their first session. A picked card lists the
    activity's upcoming sessions; a selected one those its filters match, as on the agenda.
    A few queries, however many activities."""
    upcoming = Session.objects.active().not_ended()
    public = (
        Activity.objects.public()
        .in_edition(edition)
        .filter(Exists(upcoming.filter(activity=OuterRef("pk"))))
    )
    picked = CampaignPick.objects.filter(page=page, activity=OuterRef("pk"))
    chosen = Q(Exists(picked))
    matching = Session.objects.none()
    if page.agenda_query:
        filterset = selection.selection_filter(page.agenda_query, edition, public)
        chosen |= Q(pk__in=filterset.qs.values("pk"))
        matching = filterset.matching_sessions()
    activities = (
        public.filter(chosen)
        .select_related("provider")
        .only(*CARD_FIELDS, "provider__name", "provider__slug")
        .with_welcome()
        .annotate(
            pick=Subquery(picked.values("position")[:1]),
            first_start=Subquery(
                upcoming.filter(activity=OuterRef("pk"))
                .order_by("starts_at")
                .values("starts_at")[:1]
            ),
        )
        .order_by(F("pick").asc(nulls_last=True), "first_start", "title", "pk")
        .prefetch_related(
            _sessions(upcoming, "upcoming_sessions"),
            _sessions(matching, "selected_sessions"),
            "audiences",
        )
    )
    activities = list(activities[:PAGE_CARDS])
    for activity in activities:
        selected = activity.pick is None and activity.selected_sessions
        activity.matching_sessions = selected or activity.upcoming_sessions
    return activities


def _share_image(page) -> dict:
    """The page's own 1200×630 preview (campaign.views.share); `v` changes with the page."""
    path = reverse("campaign:page_share_image", kwargs={"slug": page.slug})
    return {
        "url": absolute_url(f"{path}?v={int(page.updated_at.timestamp())}"),
        "width": 1200,
        "height": 630,
        "alt": f"{page.localized_title} · Week 3 Venlo",
    }


@require_safe
@cache_public_page
def page_detail(request, slug):
    edition = Edition.objects.current_or_404()
    page = get_object_or_404(
        CampaignPage.objects.published(timezone.now()).filter(edition=edition), slug=slug
    )
    return render(
        request,
        "campaign/campaignpage_detail.html",
        {
            "edition": edition,
            "page": page,
            "activities": page_activities(page, edition),
            "agenda_url": selection.agenda_url(page.agenda_query),
            "share_image": _share_image(page),
        },
    )
