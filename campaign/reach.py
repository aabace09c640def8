"""Reach: what the tracked links of an edition brought, read in a fixed number of queries.

Per link: its **visits** (the days' counts in LinkVisitDay), the **reservations** that followed
it (Reservation.referral_code is the link's code) and the **people** in them (party size), and
how many of those people **came** (reservations marked attended). A reservation counts when it
held a place: confirmed, attended or did not come. Cancelled ones gave their place back and
waiting ones never had one, so neither counts. A reservation counts for the link it came
through, whichever provider's activity it is for.

Beside it, "how did you hear about Week 3" (Reservation.channel) of the reservations for the
provider's activities (or, for staff, all of the edition's), counted the same way.

The average provider is the average over the providers with at least one link in the edition:
those who take part in the promotion. A provider sees it only when at least
MIN_PROVIDERS_FOR_AVERAGE providers are in it, so the average cannot be worked back into
another provider's figures. Everything shown passes `table()`, which hides counts of 1 to 4
with campaign.suppression.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from agenda.models import Channel, Edition, Reservation, ReservationState
from campaign import suppression
from campaign.models import LinkChannel, LinkVisitDay, TrackedLink
from campaign.suppression import THRESHOLD, suppress
from providers.models import Provider

# A reservation that held a place (see the module's docstring).
HELD_STATES = [ReservationState.CONFIRMED, ReservationState.ATTENDED, ReservationState.NO_SHOW]
MIN_PROVIDERS_FOR_AVERAGE = THRESHOLD
METRICS = ("visits", "reservations", "people", "came")
HEARD_METRICS = ("reservations", "people")
# The rows that are about no one provider or page.
CITY = _("City campaign")
CITY_ELSEWHERE = _("City links to other pages")
NO_ANSWER = _("No answer")


@dataclass
class Figures:
    visits: int = 0
    reservations: int = 0
    people: int = 0
    came: int = 0

    def __iadd__(self, other: "Figures") -> "Figures":
        for name in METRICS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


@dataclass
class Row:
    """One line of a table: what it is about (`key`, `label`, maybe the link) and its figures."""

    key: str
    label: str
    figures: Figures = field(default_factory=Figures)
    link: TrackedLink | None = None
    target_kind: str = ""
    target: str = ""


@dataclass
class Table:
    """A table as shown: each row's cells and the totals, small counts hidden."""

    metrics: tuple[str, ...]
    rows: list[tuple[Row, list]]
    total: list

    def __bool__(self) -> bool:
        return bool(self.rows)


def table(rows: list[Row], metrics: tuple[str, ...] = METRICS) -> Table:
    """Each column is one breakdown with its total below it: suppressed so that no difference
    of shown figures gives back a hidden one."""
    columns = [suppress([getattr(row.figures, name) for row in rows]) for name in metrics]
    cells = [[column[index] for column in columns] for index in range(len(rows))]
    totals = [figure(sum(getattr(row.figures, name) for row in rows)) for name in metrics]
    return Table(metrics=metrics, rows=list(zip(rows, cells, strict=True)), total=totals)


def figure(value: int) -> suppression.Count:
    """One figure on its own, with no breakdown beside it."""
    return suppression.count(value)


# Reading: three queries for the links, two for "how did you hear", three for the providers.


def _links(edition: Edition, provider: Provider | None):
    links = (
        TrackedLink.objects.filter(edition=edition)
        .select_related("provider", "activity", "target_provider", "page")
        .only(
            "code",
            "label",
            "channel",
            "agenda_query",
            "edition_id",
            "created_at",
            "provider__name",
            "activity__title",
            "target_provider__name",
            "page__title",
            "page__title_en",
            "page__title_de",
        )
        .order_by("provider__name", "channel", "label", "code")
    )
    return links.filter(provider=provider) if provider else links


def _visits(links) -> dict[int, int]:
    rows = (
        LinkVisitDay.objects.filter(link__in=links.values("pk"))
        .order_by()
        .values("link_id")
        .annotate(visits=Sum("visits"))
    )
    return {row["link_id"]: row["visits"] for row in rows}


def _followed(codes):
    return Reservation.objects.filter(referral_code__in=codes, state__in=HELD_STATES).order_by()


_FOLLOWED_SUMS = {
    "reservations": Count("pk"),
    "people": Sum("party_size"),
    "came": Sum("party_size", filter=Q(state=ReservationState.ATTENDED)),
}


def link_rows(edition: Edition, provider: Provider | None = None) -> list[Row]:
    """One row per tracked link of the edition (only `provider`'s when given)."""
    links = _links(edition, provider)
    visits = _visits(links)
    followed = {
        row["referral_code"]: row
        for row in _followed(links.values("code"))
        .values("referral_code")
        .annotate(**_FOLLOWED_SUMS)
    }
    rows = []
    for link in links:
        sums = followed.get(link.code, {})
        figures = Figures(
            visits=visits.get(link.pk, 0),
            reservations=sums.get("reservations") or 0,
            people=sums.get("people") or 0,
            came=sums.get("came") or 0,
        )
        rows.append(
            Row(
                key=link.code,
                label=link.label,
                figures=figures,
                link=link,
                target_kind=target_kind(link),
                target=target_name(link),
            )
        )
    return rows


def provider_totals(edition: Edition) -> tuple[dict[int, Figures], int]:
    """Each provider's figures over all its links (staff links left out), and how many
    providers promote through links; in three queries whatever the number of links."""
    links = TrackedLink.objects.filter(edition=edition, provider__isnull=False)
    totals: dict[int, Figures] = defaultdict(Figures)
    visits = (
        LinkVisitDay.objects.filter(link__in=links.values("pk"))
        .order_by()
        .values("link__provider_id")
        .annotate(visits=Sum("visits"))
    )
    for row in visits:
        totals[row["link__provider_id"]].visits = row["visits"]
    maker = links.filter(code=OuterRef("referral_code")).values("provider_id")[:1]
    followed = (
        _followed(links.values("code"))
        .annotate(maker=Subquery(maker))
        .values("maker")
        .annotate(**_FOLLOWED_SUMS)
    )
    for row in followed:
        figures = totals[row["maker"]]
        figures.reservations = row["reservations"]
        figures.people = row["people"] or 0
        figures.came = row["came"] or 0
    # Providers that promote: a link made by hand, or one of the kit's that brought visits (the
    # kit's own links are made for every provider a widget or share image was asked for).
    promoting = links.filter(Q(standing=False) | Q(visit_days__isnull=False))
    with_links = promoting.order_by().values("provider_id").distinct().count()
    return dict(totals), with_links


def average(totals: dict[int, Figures], providers: int) -> Figures | None:
    """The average provider's figures, rounded to whole numbers; None without providers."""
    if not providers:
        return None
    summed = Figures()
    for figures in totals.values():
        summed += figures
    return Figures(
        **{name: int(getattr(summed, name) / providers + 0.5) for name in METRICS},
    )


def heard_rows(edition: Edition, provider: Provider | None = None) -> list[Row]:
    """ "How did you hear about Week 3?" of the reservations for the edition's activities
    (only `provider`'s when given): a row per channel, then those that gave no answer."""
    reservations = Reservation.objects.filter(
        session__activity__edition=edition, state__in=HELD_STATES
    )
    if provider:
        reservations = reservations.filter(session__activity__provider=provider)
    counts = {
        row["channel_id"]: row
        for row in reservations.order_by()
        .values("channel_id")
        .annotate(reservations=Count("pk"), people=Sum("party_size"))
    }

    def row(key, label, channel_id):
        found = counts.get(channel_id, {})
        figures = Figures(
            reservations=found.get("reservations", 0), people=found.get("people") or 0
        )
        return Row(key=key, label=label, figures=figures)

    rows = [row(channel.slug, channel.label, channel.pk) for channel in Channel.objects.all()]
    return [*rows, row("", NO_ANSWER, None)]


# Grouping the link rows: pure Python, no queries.


def _grouped(rows: list[Row], key_and_label) -> dict[str, Row]:
    groups: dict[str, Row] = {}
    for row in rows:
        found = key_and_label(row.link)
        if found is None:
            continue
        key, label = found
        group = groups.setdefault(key, Row(key=key, label=label))
        group.figures += row.figures
    return groups


def by_channel(rows: list[Row]) -> list[Row]:
    """A row per channel that has links, in the channels' own order. A channel without links
    is left out: its certain zero would be no cover for a hidden count beside it."""
    groups = _grouped(rows, lambda link: (link.channel, link.get_channel_display()))
    return [groups[value] for value in LinkChannel.values if value in groups]


def by_provider(rows: list[Row]) -> list[Row]:
    """A row per provider with links, by name, and one for the city's own (staff) links."""
    groups = _grouped(
        rows,
        lambda link: (
            (str(link.provider_id), link.provider.name) if link.provider_id else ("", str(CITY))
        ),
    )
    city = groups.pop("", None)
    ordered = sorted(groups.values(), key=lambda row: row.label.lower())
    return [*ordered, city] if city else ordered


def by_page(rows: list[Row]) -> list[Row]:
    """A row per campaign page that links point to (whoever made them), then the city's links
    that point elsewhere."""
    groups = _grouped(
        rows,
        lambda link: (str(link.page_id), link.page.localized_title) if link.page_id else None,
    )
    ordered = sorted(groups.values(), key=lambda row: row.label.lower())
    city = _grouped(
        rows,
        lambda link: ("", str(CITY_ELSEWHERE)) if not (link.provider_id or link.page_id) else None,
    )
    return [*ordered, *city.values()]


def target_kind(link: TrackedLink) -> str:
    """What the link points to: activity, provider, page or agenda."""
    if link.activity_id:
        return "activity"
    if link.target_provider_id:
        return "provider"
    if link.page_id:
        return "page"
    return "agenda"


def target_name(link: TrackedLink) -> str:
    """The name of what the link points to (the agenda's selection for an agenda link)."""
    if link.activity_id:
        return link.activity.local_title
    if link.target_provider_id:
        return link.target_provider.name
    if link.page_id:
        return link.page.localized_title
    return link.agenda_query


# What the two reach pages show.

TABLES = ("links", "providers", "pages", "channels", "heard")


@dataclass
class Comparison:
    """One figure of a provider beside the average provider's (None: too few to compare)."""

    metric: str
    own: object
    average: object | None


def provider_reach(edition: Edition, provider: Provider) -> dict:
    """The provider's own links, its channels and "how did you hear", and its figures against
    the average provider's (only with MIN_PROVIDERS_FOR_AVERAGE providers or more)."""
    links = link_rows(edition, provider)
    totals, with_links = provider_totals(edition)
    own = totals.get(provider.pk, Figures())
    mean = average(totals, with_links) if with_links >= MIN_PROVIDERS_FOR_AVERAGE else None
    return {
        "links": table(links),
        "channels": table(by_channel(links)),
        "heard": table(heard_rows(edition, provider), HEARD_METRICS),
        "comparison": [
            Comparison(
                metric=name,
                own=figure(getattr(own, name)),
                average=figure(getattr(mean, name)) if mean else None,
            )
            for name in METRICS
        ],
    }


def staff_reach(edition: Edition) -> dict:
    """Every link of the edition, and the same by provider (with the average provider), by
    campaign page, by channel, and "how did you hear" over all reservations."""
    links = link_rows(edition)
    providers = by_provider(links)
    totals = {row.key: row.figures for row in providers if row.key}
    mean = average(totals, len(totals))
    return {
        "links": table(links),
        "providers": table(providers),
        "pages": table(by_page(links)),
        "channels": table(by_channel(links)),
        "heard": table(heard_rows(edition), HEARD_METRICS),
        "average": [figure(getattr(mean, name)) for name in METRICS] if mean else None,
        "providers_with_links": len(totals),
    }
