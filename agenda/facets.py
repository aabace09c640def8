"""How many results each filter option would give, and what to loosen when nothing is found.

An option's count is what the agenda would show with that option chosen in its own filter and
every other filter as it is (options within one filter combine with OR, so a filter's own
choices do not narrow its counts). Each filter costs one grouped query, whatever the size of
the data. Free places are not counted: they are not part of the cached page (see
agenda.caching), and the "free spots" filter is left as it is.
"""

import copy
import datetime

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.filters import NOT_FILTERS
from agenda.models import Activity, Audience
from providers.models import District

# Filters whose options show a count.
COUNTED = ("dag", "doelgroep", "discipline", "wijk", "taal", "soort")
# At most this many suggestions when nothing is found.
MAX_RELAXATIONS = 4


class CountOf(Subquery):
    """The number of rows of a subquery, as a column of the outer query."""

    template = "(SELECT count(*) FROM (%(subquery)s) _counted)"
    output_field = IntegerField()


def without(filterset, *names, **replace):
    """The same filters without `names` (and with cleaned values `replace`d): a copy that
    reuses what the form already validated, so it costs no query to clean again."""
    filterset.form.is_valid()
    clone = copy.copy(filterset)
    form = copy.copy(filterset.form)
    cleaned = getattr(filterset.form, "cleaned_data", {})
    form.cleaned_data = {k: v for k, v in cleaned.items() if k not in names and k not in replace}
    form.cleaned_data.update(replace)
    clone._form = form
    clone.__dict__.pop("_qs", None)
    return clone


def _per_option(facet, options, key, filterset, condition):
    """One row per option: (facet, key, count). `condition`: what an activity (OuterRef("pk"))
    needs for the option (the outer row, OuterRef(OuterRef("pk")))."""
    activities = filterset.qs.order_by().filter(condition).values("pk")
    return (
        options.order_by()
        .annotate(facet=Value(facet), key=Cast(key, CharField()), n=CountOf(activities))
        .values_list("facet", "key", "n")
    )


def _links(relation, **lookups):
    return getattr(Activity, relation).through.objects.filter(activity=OuterRef("pk"), **lookups)


def audiences_with_counts(activities):
    """Every audience with how many of `activities` count for it (families count for
    children and adults too: Audience.includes), as the audience filter finds them."""
    option = OuterRef(OuterRef("pk"))
    links = _links("audiences").filter(Q(audience=option) | Q(audience__includes=option))
    return Audience.objects.annotate(
        activity_count=CountOf(activities.order_by().filter(Exists(links)).values("pk"))
    )


def _grouped(facet, rows, key, activity="activity"):
    """(facet, key, count) per value of `key` among `rows` (one row per activity and option):
    one pass over the rows, where a subquery per option would run the filters once per option."""
    return (
        rows.order_by()
        .annotate(facet=Value(facet), key=Cast(key, CharField()))
        .values("facet", "key")
        .annotate(n=Count(activity, distinct=True))
        .values_list("facet", "key", "n")
    )


def _linked(relation, filterset):
    """The rows linking the filtered activities to the options of an M2M filter."""
    through = getattr(Activity, relation).through
    return through.objects.filter(activity__in=filterset.qs.order_by().values("pk"))


def option_counts(filterset) -> dict[str, dict[str, int]]:
    """For each counted filter: option value → number of activities (an option without any
    is left out). One query in all (the filters' grouped counts joined with UNION ALL)."""
    option = OuterRef(OuterRef("pk"))
    audiences = Q(audience=option) | Q(audience__includes=option)
    # Audiences count through Audience.includes too, so one activity may reach an option along
    # two paths: a subquery per audience (a handful) counts each activity once.
    parts = [
        _per_option(
            "doelgroep",
            Audience.objects.all(),
            F("slug"),
            without(filterset, "doelgroep"),
            Exists(_links("audiences").filter(audiences)),
        ),
        _grouped(
            "discipline",
            _linked("disciplines", without(filterset, "discipline")),
            F("discipline__slug"),
        ),
        _grouped("taal", _linked("languages", without(filterset, "taal")), F("language_id")),
    ]
    rest = without(filterset, "wijk")
    sessions = rest.matching_sessions().filter(activity__in=rest.qs.order_by().values("pk"))
    parts.append(_grouped("wijk", sessions, F("venue__district__slug")))
    rest = without(filterset, "soort")
    parts.append(_grouped("soort", rest.qs, F("provider__kind"), activity="pk"))
    rest = without(filterset, "dag")
    day = TruncDate("starts_at", tzinfo=timezone.get_current_timezone())
    sessions = rest.matching_sessions().filter(activity__in=rest.qs.order_by().values("pk"))
    parts.append(_grouped("dag", sessions, day))
    counts = {name: {} for name in COUNTED}
    for facet, key, n in parts[0].union(*parts[1:], all=True):
        if key is not None:
            counts[facet][key] = n
    return counts


def relaxations(filterset, counts) -> list[dict]:
    """When nothing is found: each filter left out in turn, and the chosen districts widened
    to their neighbours, with how many each would give; the ones that give something, most
    first."""
    data = getattr(filterset.form, "cleaned_data", {})
    suggestions = []
    chosen = list(data.get("wijk") or [])
    if chosen:
        nearby = [
            district
            for district in District.objects.filter(neighbours__in=chosen)
            .exclude(pk__in=[d.pk for d in chosen])
            .distinct()
            .order_by("name")
            if counts.get("wijk", {}).get(district.slug)
        ]
        if nearby:
            wider = without(filterset, wijk=[*chosen, *nearby])
            names = [d.name for d in nearby]
            label = _("also in %(districts)s") % {"districts": _joined(names)}
            suggestions.append(_suggestion(label, wider))
    for name, field in filterset.form.fields.items():
        if name in NOT_FILTERS or name in filterset.form.errors:
            continue
        if data.get(name) in (None, False, "", []):
            continue
        if hasattr(data.get(name), "exists") and not data[name]:
            continue
        if name == "q":
            label = _("without the words “%(words)s”") % {"words": data[name]}
        else:
            label = _("without %(filter)s") % {"filter": str(field.label).lower()}
        suggestions.append(_suggestion(label, without(filterset, name)))
    found = [s for s in suggestions if s["count"]]
    found.sort(key=lambda s: -s["count"])
    return found[:MAX_RELAXATIONS]


def _suggestion(label, filterset) -> dict:
    return {
        "label": label,
        "count": filterset.qs.count(),
        "query": filterset.canonical_query().urlencode(),
    }


def _joined(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def day_shortcuts(edition) -> list[dict]:
    """During the edition: "Today", "Tomorrow", "This weekend" for the days they still mean.
    The links carry the day word, not the date, so a page kept in the cache overnight still
    leads to the right day (the search turns the word into the day filter)."""
    today = timezone.localdate()
    days = edition.days
    if not days or not (days[0] <= today <= days[-1]):
        return []
    shortcuts = []
    if today in days:
        shortcuts.append({"label": _("Today"), "word": _("today")})
    if today + datetime.timedelta(days=1) in days:
        shortcuts.append({"label": _("Tomorrow"), "word": _("tomorrow")})
    if any(day >= today and day.weekday() >= 5 for day in days):
        shortcuts.append({"label": _("This weekend"), "word": _("weekend")})
    return shortcuts
