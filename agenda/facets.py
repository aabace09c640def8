"""How many results each filter option would give, and what to loosen when nothing is found.

An option's count is what the agenda would show with that option chosen in its own filter and
every other filter as it is (options within one filter combine with OR, so a filter's own
choices do not narrow its counts). The counts take one query, whatever the size of the data
and whatever the database's statistics: its first step finds the activities, then one grouped
pass per filter counts over them. Free places are not counted: they are not part of the cached
page (see agenda.caching), and the "free spots" filter is left as it is.
"""

import copy
import datetime

from django.db import connection
from django.db.models import CharField, Count, F, Lookup, Value
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


class AnyOf(Lookup):
    """`column = ANY(…)` over the activities one variant of the filters found: the array
    `found.<variant>` of the statement's first step (see counted). It is read once, as a value
    (a scalar subquery: an InitPlan, never run per row), so the plan depends neither on the
    statistics nor on the number of activities: a subquery of the filters in its place may be
    planned to run per row, and a literal array of a thousand pks is estimated element by
    element, which took longer than the counting and made the planner reach for parallel
    workers."""

    prepare_rhs = False

    def __init__(self, column: str, variant: str):
        super().__init__(F(column), variant)

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return any_of(lhs, self.rhs, self.lhs.output_field.db_type(connection)), lhs_params


def any_of(column: str, variant: str, db_type: str) -> str:
    """SQL: `column` is one of the pks in `found.<variant>` (see AnyOf)."""
    return f"{column} = ANY(CAST((SELECT {variant} FROM found) AS {db_type}[]))"


def counted(querysets, parts) -> list[tuple]:
    """The rows of `parts` ((sql, params) each, joined with UNION ALL), in one statement whose
    first step, `found`, holds the pks each of `querysets` finds as one array (`v0`, `v1`, …,
    in their order; each an uncorrelated subquery, run once). The parts read those arrays
    through AnyOf: no pk travels to Python and back."""
    arrays, params = [], []
    for number, queryset in enumerate(querysets):
        sql, found_params = queryset.order_by().values("pk").query.sql_with_params()
        arrays.append(f"ARRAY({sql}) AS v{number}")
        params.extend(found_params)
    for _sql, part_params in parts:
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH found AS MATERIALIZED (SELECT {', '.join(arrays)}) "
            + " UNION ALL ".join(f"({sql})" for sql, _params in parts),
            params,
        )
        return cursor.fetchall()


def _audience_rows(variant: str) -> tuple[str, list]:
    """(facet, audience slug, count) for the activities in `found.<variant>`: an activity counts
    for each of its audiences and for every audience they include (Audience.includes: an
    activity for families counts for children and adults too), once however many paths lead
    there."""
    quote = connection.ops.quote_name
    links = quote(Activity.audiences.through._meta.db_table)
    includes = quote(Audience.includes.through._meta.db_table)
    audiences = quote(Audience._meta.db_table)
    member = any_of("l.activity_id", variant, Activity._meta.pk.db_type(connection))
    sql = (
        "SELECT 'doelgroep' AS facet, CAST(a.slug AS varchar) AS key, "
        "COUNT(DISTINCT reach.activity_id) AS n FROM ("
        f"SELECT l.activity_id, l.audience_id FROM {links} l WHERE {member} "
        f"UNION ALL SELECT l.activity_id, i.to_audience_id FROM {links} l "
        f"JOIN {includes} i ON i.from_audience_id = l.audience_id WHERE {member}"
        f") reach JOIN {audiences} a ON a.id = reach.audience_id GROUP BY a.slug"
    )
    return sql, []


def audiences_with_counts(activities) -> list:
    """The audiences that any of `activities` count for, in their order, each with its
    `activity_count` (as the audience filter finds them: Audience.includes counts too)."""
    counts = {slug: n for _facet, slug, n in counted([activities], [_audience_rows("v0")])}
    audiences = list(Audience.objects.filter(slug__in=counts).order_by("position", "name", "pk"))
    for audience in audiences:
        audience.activity_count = counts[audience.slug]
    return audiences


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


def _chosen(value) -> bool:
    """A filter value that narrows the results (an empty queryset of choices does not)."""
    return value not in (None, False, "", []) and not (hasattr(value, "exists") and not value)


def option_counts(filterset) -> tuple[int, dict[str, dict[str, int]]]:
    """How many activities the filters find, and for each counted filter: option value →
    number of activities (an option without any is left out).

    One statement, planned the same whatever the database's statistics: first the pks the
    filters find, and for each filter with a choice the pks found without it (one subquery
    each, run once); then every filter's counts over those pks, grouped, joined with UNION
    ALL (see counted)."""
    filterset.form.is_valid()
    cleaned = getattr(filterset.form, "cleaned_data", {})
    variants = {
        name: without(filterset, name) if _chosen(cleaned.get(name)) else filterset
        for name in COUNTED
    }
    # The filters as chosen come first: with a choice in every counted filter, no count uses them.
    distinct = list({id(v): v for v in (filterset, *variants.values())}.values())
    column = {id(variant): f"v{number}" for number, variant in enumerate(distinct)}
    found = {name: column[id(variant)] for name, variant in variants.items()}
    links = {
        name: getattr(Activity, relation).through.objects.filter(AnyOf("activity", found[name]))
        for name, relation in (("discipline", "disciplines"), ("taal", "languages"))
    }
    day = TruncDate("starts_at", tzinfo=timezone.get_current_timezone())
    grouped = [
        _grouped("discipline", links["discipline"], F("discipline__slug")),
        _grouped("taal", links["taal"], F("language_id")),
        _grouped(
            "wijk",
            variants["wijk"].matching_sessions().filter(AnyOf("activity", found["wijk"])),
            F("venue__district__slug"),
        ),
        _grouped(
            "soort",
            Activity.objects.filter(AnyOf("pk", found["soort"])),
            F("provider__kind"),
            activity="pk",
        ),
        _grouped(
            "dag", variants["dag"].matching_sessions().filter(AnyOf("activity", found["dag"])), day
        ),
    ]
    total_sql = (
        "SELECT 'total' AS facet, CAST(NULL AS varchar) AS key, "
        f"CAST(cardinality({column[id(filterset)]}) AS bigint) AS n FROM found"
    )
    parts = [(total_sql, []), _audience_rows(found["doelgroep"])]
    parts.extend(queryset.query.sql_with_params() for queryset in grouped)
    total, counts = 0, {name: {} for name in COUNTED}
    for facet, key, n in counted((variant.qs for variant in distinct), parts):
        if facet == "total":
            total = n
        elif key is not None:
            counts[facet][key] = n
    return total, counts


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
        if not _chosen(data.get(name)):
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
