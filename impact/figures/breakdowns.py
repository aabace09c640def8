"""Every breakdown of a scope: by what was offered (discipline, audience segment, provider
kind) and by who came (district, priority neighbourhood, channel, tracked link and its
channel, language, age)."""

from django.conf import settings
from django.db.models import Sum
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from agenda.models import AgeBracket, Audience, Channel, Reservation
from campaign.models import LinkChannel, LinkVisitDay, TrackedLink
from impact.figures.raw import Facts, offer_counts, visitor_counts
from impact.figures.scope import Scope
from impact.figures.tables import Column, Table, build, row_flags
from providers.models import Discipline, District, Provider

NOT_GIVEN = _("Not given")


def _by_objects(raw: dict, objects) -> list[tuple[str, dict]]:
    """Rows in the objects' order (those with figures), then the rows without a value."""
    rows = [(str(obj), raw[obj.pk]) for obj in objects if obj.pk in raw]
    if None in raw:
        rows.append((NOT_GIVEN, raw[None]))
    return rows


def _by_choices(raw: dict, choices) -> list[tuple[str, dict]]:
    rows = [(str(label), raw[value]) for value, label in choices if value in raw]
    rest = [value for value in raw if value not in dict(choices)]
    return rows + [(NOT_GIVEN if value in ("", None) else str(value), raw[value]) for value in rest]


def _language_label(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code or str(NOT_GIVEN)


def offer_tables(scope: Scope, facts: Facts) -> list[Table]:
    disciplines = offer_counts(scope, facts, "disciplines")
    audiences = offer_counts(scope, facts, "audiences")
    kinds = offer_counts(scope, facts, "provider__kind")
    return [
        build(
            "discipline",
            _("Discipline"),
            _by_objects(disciplines, Discipline.objects.order_by("position", "name")),
            offer=True,
            total=False,
        ),
        build(
            "audience",
            _("Audience segment"),
            _by_objects(audiences, Audience.objects.order_by("position", "name")),
            offer=True,
            total=False,
        ),
        build(
            "provider-kind",
            _("Kind of provider"),
            _by_choices(kinds, Provider.Kind.choices),
            offer=True,
            total=True,
        ),
    ]


def _links(scope: Scope, raw: dict) -> list[tuple[str, dict]]:
    """One row per tracked link that brought reservations or visits, most bookings first."""
    raw = {code: dict(figures) for code, figures in raw.items()}  # the caller's stay as they are
    links = TrackedLink.objects.filter(edition=scope.edition)
    if scope.provider_id:
        links = links.filter(provider_id=scope.provider_id)
    visits = dict(
        LinkVisitDay.objects.filter(link__in=links)
        .values_list("link_id")
        .annotate(total=Sum("visits"))
        .order_by()
    )
    channels = dict(LinkChannel.choices)
    rows = []
    for link in links.select_related("provider").order_by("code"):
        figures = raw.pop(link.code, {})
        figures["visits"] = visits.get(link.pk, 0)
        if not figures.get("booked") and not figures["visits"]:
            continue
        figures["made_by"] = link.provider.name if link.provider_id else str(_("Municipality"))
        figures["link_channel"] = str(channels.get(link.channel, link.channel))
        label = f"{link.code} {link.label}".strip()
        rows.append((label, figures))
    rows.sort(key=lambda row: (-row[1].get("booked", 0), row[0]))
    without = raw.pop("", None)
    if raw:  # codes of links that were removed since
        other = {}
        for figures in raw.values():
            for key, value in figures.items():
                other[key] = other.get(key, 0) + value
        rows.append((str(_("Links removed since")), other))
    if without:
        rows.append((str(_("No tracked link")), without))
    return rows


def _summed(groups: dict, group_of) -> dict:
    """Rows of `groups` added up per `group_of(key)`."""
    summed: dict = {}
    for key, figures in groups.items():
        sums = summed.setdefault(group_of(key), {})
        for name, value in figures.items():
            sums[name] = sums.get(name, 0) + value
    return summed


def _per_priority(districts: dict, is_priority: dict) -> dict:
    """The district rows added up per priority neighbourhood or not (None: no district)."""
    return _summed(districts, lambda pk: is_priority.get(pk) if pk is not None else None)


def _per_link_channel(scope: Scope, per_code: dict) -> dict:
    """The per-link counts summed per channel of the link (None: no link, or one removed)."""
    codes = Reservation.objects.filter(scope.reservations()).exclude(referral_code="")
    channel_of = dict(
        TrackedLink.objects.filter(code__in=codes.values("referral_code")).values_list(
            "code", "channel"
        )
    )
    return _summed(per_code, channel_of.get)


LINK_COLUMNS = [
    Column("made_by", _("Made by"), "text"),
    Column("link_channel", _("Link channel"), "text"),
    Column("visits", _("Visits"), "count"),
]


# Tracked links on the page (most bookings first); the CSV has them all.
LINKS_SHOWN = 20


def _groups(labels: list[str], summary: Table) -> list[tuple[list[int], dict]]:
    """The rows per row of the `summary` table that adds them up (by its label: `labels` are
    the summary's labels of the rows, in order), with that row's hidden flags."""
    flags = row_flags(summary)
    groups: dict = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    return [(members, flags.get(label, {})) for label, members in groups.items()]


def visitor_tables(scope: Scope, total_hidden: dict | None = None) -> list[Table]:
    """`total_hidden`: the headline's hidden flags, which each table's total row carries too."""
    # Two narrow groupings rather than one wide one: a few hundred rows to add up, not
    # thousands.
    per = visitor_counts(scope, ["district", "channel"]) | visitor_counts(
        scope, ["language", "age_bracket"]
    )
    districts, channels, languages, ages = (
        per["district"],
        per["channel"],
        per["language"],
        per["age_bracket"],
    )
    links = visitor_counts(scope, ["referral_code"])["referral_code"]
    all_districts = list(District.objects.order_by("name"))
    is_priority = {d.pk: d.is_priority for d in all_districts}
    priority = _per_priority(districts, is_priority)
    district_rows = _by_objects(districts, all_districts)
    district_keys = [d.pk for d in all_districts if d.pk in districts]
    district_keys += [None] if None in districts else []
    link_channels = _per_link_channel(scope, links)
    yes_no = [(True, _("Priority neighbourhood")), (False, _("Other neighbourhood"))]
    site_languages = [code for code, _name in settings.LANGUAGES]
    language_rows = sorted(
        languages.items(),
        key=lambda item: (
            site_languages.index(item[0]) if item[0] in site_languages else 99,
            item[0],
        ),
    )
    link_rows = _links(scope, links)
    link_channel_table = build(
        "link-channel",
        _("Tracked link channel"),
        _by_choices(link_channels, LinkChannel.choices),
        offer=False,
        total=True,
        total_hidden=total_hidden,
    )
    priority_table = build(
        "priority",
        _("Neighbourhood"),
        _by_choices(priority, yes_no),
        offer=False,
        total=True,
        total_hidden=total_hidden,
    )
    link_table = build(
        "link",
        _("Tracked link"),
        link_rows,
        offer=False,
        total=False,
        extra=LINK_COLUMNS,
        # The link-channel table shows each channel's sum of links (None: no or removed link).
        groups=_groups(
            [figures.get("link_channel") or str(NOT_GIVEN) for _l, figures in link_rows],
            link_channel_table,
        ),
        total_hidden=total_hidden,
    )
    link_table.shown = LINKS_SHOWN
    return [
        build(
            "district",
            _("District"),
            district_rows,
            offer=False,
            total=True,
            # The priority table shows each group's sum of districts.
            groups=_groups(
                [
                    str(NOT_GIVEN) if pk is None else str(dict(yes_no)[is_priority[pk]])
                    for pk in district_keys
                ],
                priority_table,
            ),
            total_hidden=total_hidden,
        ),
        priority_table,
        build(
            "channel",
            _("Heard about Week 3 through"),
            _by_objects(channels, Channel.objects.order_by("position", "name")),
            offer=False,
            total=True,
            total_hidden=total_hidden,
        ),
        link_channel_table,
        link_table,
        build(
            "language",
            _("Language of the visitor"),
            [(_language_label(code), raw) for code, raw in language_rows],
            offer=False,
            total=True,
            total_hidden=total_hidden,
        ),
        build(
            "age",
            _("Age"),
            _by_choices(ages, AgeBracket.choices),
            offer=False,
            total=True,
            total_hidden=total_hidden,
        ),
    ]


__all__ = ["offer_tables", "visitor_tables"]
