"""A campaign page's stored agenda selection: the agenda's own filters, as a query string.

Checked with the agenda's own FilterSet when staff save it (a filter the agenda does not know,
or a value it would ignore, is refused with the reason), kept as the agenda spells it, and read
back to list the activities and to link to the same selection in the agenda.
"""

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from agenda.filters import AgendaFilter
from agenda.models import Activity


def parse(text: str) -> QueryDict:
    """The query string of what staff typed or pasted: only the part after a "?" when they
    pasted a whole agenda address."""
    text = (text or "").strip()
    if "?" in text:
        text = text.split("?", 1)[1]
    return QueryDict(text.split("#", 1)[0].strip())


def selection_filter(text: str, edition, queryset=None) -> AgendaFilter:
    """The agenda's FilterSet for a stored selection, over `queryset` (no activities: only the
    form, to check or spell it)."""
    return AgendaFilter(
        parse(text),
        queryset=Activity.objects.none() if queryset is None else queryset,
        edition=edition,
    )


def problems(text: str, edition) -> list[str]:
    """What is wrong with a selection, one sentence each: filters the agenda does not have,
    and values it would ignore."""
    query = parse(text)
    found = []
    unknown = sorted(name for name in query if name not in AgendaFilter.base_filters)
    if unknown:
        found.append(
            _("The agenda has no filter called %(names)s. It has: %(known)s.")
            % {
                "names": ", ".join(f"“{name}”" for name in unknown),
                "known": ", ".join(AgendaFilter.base_filters),
            }
        )
    filterset = selection_filter(text, edition)
    if not filterset.form.is_valid():
        for name, errors in filterset.form.errors.items():
            label = filterset.form.fields[name].label if name in filterset.form.fields else name
            found.append(f"{label} ({name}): {' '.join(str(error) for error in errors)}")
    return found


def canonical(text: str, edition) -> str:
    """The selection as the agenda itself spells it (sorted, one way per value)."""
    if not parse(text):
        return ""
    return selection_filter(text, edition).canonical_query().urlencode()


def agenda_url(text: str) -> str:
    """The agenda with this selection: "see all in the agenda"."""
    query = parse(text).urlencode()
    url = reverse("agenda:activity_list")
    return f"{url}?{query}" if query else url
