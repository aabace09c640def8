"""The agenda's filters: one FilterSet shared by the agenda page and everything that mirrors it."""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import Exists, F, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Greatest
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from agenda.formatting import day_format
from agenda.models import (
    Activity,
    Audience,
    Language,
    Session,
    free_spots_condition,
    not_ended_condition,
)
from agenda.search import _ACTIVITY_TEXT_MATCHES, _sql_condition, split_days, text_condition
from providers.models import Discipline, District, Provider

SEARCH_MAX_LENGTH = 200
# The orders of the results; the first is the default. Sorting by places keys the page cache
# on every session's places (agenda.caching).
SORT_BY_TIME, SORT_BY_PLACES = "tijd", "plekken"
# Not filters: left out of the chips, the counts and the suggestions.
NOT_FILTERS = ("sorteer",)
# What canonical_query(keep_ignored=True) puts for a filter that does not hold.
IGNORED = "!"
# The search vectors' conditions, kept here for what reads them (tests, explain plans).
__all__ = ["_ACTIVITY_TEXT_MATCHES", "AgendaFilter", "_sql_condition"]


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class AgendaFilter(django_filters.FilterSet):
    """Filters combine with AND; values within one filter combine with OR.

    Filters about *when and where* (day, district, wheelchair access, free spots) must hold
    for one and the same session, so they are applied together as one session condition.
    Values that make no sense make their filter invalid; an invalid filter is ignored and
    reported by `ignored_filters()`, never an error page.

    Sessions that have ended do not count (the agenda lists what one can still go to), unless
    `include_past`: calendar feeds and open data keep the history.
    """

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=SEARCH_MAX_LENGTH
    )
    dag = django_filters.MultipleChoiceFilter(
        label=_("Day"), method="filter_by_session", widget=forms.CheckboxSelectMultiple
    )
    doelgroep = django_filters.ModelMultipleChoiceFilter(
        label=_("For whom"),
        queryset=Audience.objects.all(),
        to_field_name="slug",
        method="filter_audiences",
        widget=forms.CheckboxSelectMultiple,
    )
    leeftijd = IntegerFilter(
        label=_("Age"),
        method="filter_age",
        min_value=0,
        max_value=120,
    )
    discipline = django_filters.ModelMultipleChoiceFilter(
        label=_("Discipline"),
        queryset=Discipline.objects.all(),
        to_field_name="slug",
        method="filter_disciplines",
        widget=forms.CheckboxSelectMultiple,
    )
    wijk = django_filters.ModelMultipleChoiceFilter(
        label=_("District"),
        queryset=District.objects.all(),
        to_field_name="slug",
        method="filter_by_session",
        widget=forms.CheckboxSelectMultiple,
    )
    soort = django_filters.MultipleChoiceFilter(
        label=_("Kind of provider"),
        choices=Provider.Kind.choices,
        field_name="provider__kind",
        widget=forms.CheckboxSelectMultiple,
    )
    inschrijving = django_filters.ChoiceFilter(
        label=_("Registration"),
        choices=Activity.Registration.choices,
        field_name="registration",
        empty_label=_("Reserve or walk in"),
    )
    taal = django_filters.ModelMultipleChoiceFilter(
        label=_("Language"),
        queryset=Language.objects.all(),
        method="filter_languages",
        widget=forms.CheckboxSelectMultiple,
    )
    zonder_nederlands = django_filters.BooleanFilter(
        label=_("No Dutch needed"),
        field_name="no_dutch_needed",
        widget=forms.CheckboxInput,
        method="filter_true_only",
    )
    rolstoel = django_filters.BooleanFilter(
        label=_("Wheelchair accessible"), widget=forms.CheckboxInput, method="filter_by_session"
    )
    plek = django_filters.BooleanFilter(
        label=_("Spots still free"), widget=forms.CheckboxInput, method="filter_by_session"
    )
    # Not a filter: the order of the results (applied in filter_queryset).
    sorteer = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[(SORT_BY_TIME, _("Time")), (SORT_BY_PLACES, _("Most free places"))],
        method="filter_by_session",
        empty_label=None,
    )

    class Meta:
        model = Activity
        fields = []

    def __init__(self, data=None, queryset=None, *, edition=None, include_past=False, **kwargs):
        days = edition.days if edition else []
        # Day words in the search ("zaterdag", "tomorrow") become the day filter.
        self.day_words_unmatched = []
        if hasattr(data, "getlist") and data.get("q"):
            text, found, self.day_words_unmatched = split_days(data.get("q"), days)
            if found or self.day_words_unmatched:
                data = data.copy()
                data["q"] = text
                chosen = set(data.getlist("dag"))
                data.setlist(
                    "dag",
                    [
                        *data.getlist("dag"),
                        *(day.isoformat() for day in found if day.isoformat() not in chosen),
                    ],
                )
                if not text:
                    del data["q"]
        super().__init__(data, queryset, **kwargs)
        self.edition = edition
        self.include_past = include_past
        self.filters["dag"].extra["choices"] = [
            (day.isoformat(), date_format(day, day_format())) for day in days
        ]

    # Activity-level filters.

    def filter_text(self, queryset, name, value):
        # Each word where it may match: see agenda.search.
        return queryset.filter(text_condition(value))

    def filter_audiences(self, queryset, name, value):
        if not value:
            return queryset
        # An activity for families also counts for children and parents (Audience.includes).
        chosen = [audience.pk for audience in value]
        expanded = Audience.objects.filter(Q(pk__in=chosen) | Q(includes__in=chosen)).values("pk")
        return self._any_related(queryset, "audiences", expanded, check=False)

    def filter_disciplines(self, queryset, name, value):
        return self._any_related(queryset, "disciplines", value)

    def filter_languages(self, queryset, name, value):
        return self._any_related(queryset, "languages", value)

    def filter_age(self, queryset, name, value):
        return queryset.filter(
            Q(min_age__isnull=True) | Q(min_age__lte=value),
            Q(max_age__isnull=True) | Q(max_age__gte=value),
        )

    def filter_true_only(self, queryset, name, value):
        return queryset.filter(**{name: True}) if value else queryset

    @staticmethod
    def _any_related(queryset, relation, values, *, check=True):
        if check and not values:
            return queryset
        # EXISTS on the link table keeps one row per activity without DISTINCT.
        field = Activity._meta.get_field(relation)
        links = field.remote_field.through.objects.filter(
            **{
                field.m2m_field_name(): OuterRef("pk"),
                f"{field.m2m_reverse_field_name()}__in": values,
            }
        )
        return queryset.filter(Exists(links))

    # Session-level filters: collected here, applied together in filter_queryset().

    def filter_by_session(self, queryset, name, value):
        return queryset

    def session_condition(self, *, include_cancelled: bool = False) -> Q:
        """What a session must satisfy to count, given the valid filters.

        Calendar feeds include cancelled sessions, so a subscribed calendar learns of them.
        """
        data = (
            self.form.cleaned_data if self.is_bound and hasattr(self.form, "cleaned_data") else {}
        )
        condition = Q() if include_cancelled else Q(is_cancelled=False)
        if not self.include_past:
            condition &= not_ended_condition()
        if data.get("dag"):
            condition &= Q(starts_at__date__in=data["dag"])
        if data.get("wijk"):
            condition &= Q(venue__district__in=data["wijk"])
        if data.get("rolstoel"):
            condition &= Q(venue__wheelchair_accessible=True)
        if data.get("plek"):
            condition &= free_spots_condition()
        return condition

    def matching_sessions(self, *, include_cancelled: bool = False):
        return Session.objects.filter(self.session_condition(include_cancelled=include_cancelled))

    def activities(self):
        """The activities that pass the activity-level filters, whatever their sessions."""
        self.form.is_valid()
        return super().filter_queryset(self.queryset.all())

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        sessions = self.matching_sessions().filter(activity=OuterRef("pk"))
        queryset = queryset.filter(Exists(sessions)).annotate(
            first_start=Subquery(sessions.order_by("starts_at").values("starts_at")[:1])
        )
        data = getattr(self.form, "cleaned_data", {})
        if data.get("sorteer") == SORT_BY_PLACES:
            return queryset.annotate(free_places=free_places(sessions)).order_by(
                F("free_places").desc(nulls_last=True), "first_start", "title", "pk"
            )
        return queryset.order_by("first_start", "title", "pk")

    # What the page tells the visitor about the filters.

    def ignored_filters(self) -> list[dict]:
        if not self.is_bound:
            return []
        self.form.is_valid()
        return [
            {"label": self.form.fields[name].label, "errors": errors}
            for name, errors in self.form.errors.items()
        ]

    def canonical_query(self, *, keep_ignored=False) -> QueryDict:
        """The filters that hold, each spelt one way: what a cache may key on. A filter whose
        value makes no sense is left out, as the results leave it out; with `keep_ignored` it
        stays as `name=!` (a value no filter takes), so it is still reported; a search too long
        to use is left out all the same ("!" is a search)."""
        self.form.is_valid()
        cleaned = getattr(self.form, "cleaned_data", {})
        query = QueryDict(mutable=True)
        for name in sorted(self.base_filters):
            value = cleaned.get(name)
            if name in self.form.errors and keep_ignored and name != "q":
                query[name] = IGNORED
            if name in self.form.errors or value in (None, False, "") or not _given(value):
                continue
            if name == "sorteer" and value == SORT_BY_TIME:
                continue  # the default
            if name in ("doelgroep", "discipline", "wijk", "taal"):
                values = sorted(str(obj.slug) for obj in value)
            elif isinstance(value, list):
                values = sorted(value)
            else:
                values = ["on" if value is True else str(value)]
            query.setlist(name, values)
        query._mutable = False
        return query

    def active_filters(self) -> list[dict]:
        """Each valid filter value as a chip: its label and the query string without it."""
        if not self.is_bound:
            return []
        self.form.is_valid()
        chips = []
        cleaned = self.form.cleaned_data
        for name, field in self.form.fields.items():
            value = cleaned.get(name)
            if name in self.form.errors or value is None or value is False or value in ("", []):
                continue
            if name in NOT_FILTERS:
                continue
            for raw, text in self._chip_values(name, field, value):
                chips.append(
                    {"label": text, "field": field.label, "query": self._query_without(name, raw)}
                )
        return chips

    def _chip_values(self, name, field, value):
        if name in ("doelgroep", "discipline", "wijk", "taal"):
            return [(str(obj.slug), obj.label) for obj in value]
        if name in ("dag", "soort"):
            labels = dict(field.choices)
            return [(raw, str(labels.get(raw, raw))) for raw in value]
        if name == "inschrijving":
            return [(value, str(dict(field.choices).get(value, value)))]
        if name == "leeftijd":
            return [(str(value), _("%(age)s years old") % {"age": value})]
        if name == "q":
            return [(value, f"“{value}”")]
        return [(None, str(field.label))]

    def _query_without(self, name, raw) -> str:
        pairs = []
        for key in self.data:
            if key == "page":
                continue
            for item in self.data.getlist(key):
                if key == name and (raw is None or item == raw):
                    continue
                pairs.append((key, item))
        return urlencode(pairs)


def free_places(sessions):
    """The places still free over the matching sessions (NULL: no limit, such as walk-in)."""
    total = (
        sessions.filter(capacity__isnull=False)
        .annotate(
            free=Greatest(F("capacity") - F("places_booked"), Value(0)),
        )
        .order_by()
        .values("activity")
        .annotate(total=Sum("free"))
        .values("total")
    )
    return Subquery(total, output_field=IntegerField())


def _given(value) -> bool:
    """False for an empty choice of several (a list or a queryset): nothing was chosen."""
    return not hasattr(value, "__len__") or isinstance(value, str) or len(value) > 0
