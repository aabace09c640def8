"""Reach for staff in the admin (/beheer/bereik/): every link of an edition, and the same by
provider (beside the average provider), by campaign page and by channel, with "how did you
hear about Week 3"; each table also as CSV. Small counts hide as on the provider's page.

Only staff with the "view visits per day" right (the redactie and beheer groups, superusers)
see it; the admin sends anyone else to its login.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from agenda.admin_moderation import csv_safe
from agenda.models import Edition
from campaign.reach import TABLES, staff_reach
from providers.validators import small_number

PERMISSION = "campaign.view_linkvisitday"


def _edition(request) -> Edition:
    year = small_number(request.GET.get("editie", ""))
    if year is not None:
        return get_object_or_404(Edition, year=year)
    edition = Edition.objects.for_portal()
    if edition is None:
        raise Http404("No edition yet")
    return edition


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def reach_view(request, site):
    _check(request)
    edition = _edition(request)
    return TemplateResponse(
        request,
        "admin/campaign/reach.html",
        {
            **site.each_context(request),
            "title": _("Reach of the campaign"),
            "edition": edition,
            "editions": Edition.objects.order_by("-starts_on").values_list("year", flat=True),
            **staff_reach(edition),
        },
    )


class _Echo:
    def write(self, value):
        return value


def _label_columns(table_name: str, row) -> list:
    if table_name != "links":
        return [str(row.label)]
    link = row.link
    return [
        link.code,
        link.label,
        link.provider.name if link.provider_id else "",
        link.channel,
        row.target_kind,
        row.target,
    ]


CSV_HEADERS = {
    "links": [
        _("code"),
        _("name"),
        _("made by"),
        _("channel"),
        _("leads to (kind)"),
        _("leads to"),
    ],
    "providers": [_("provider")],
    "pages": [_("campaign page")],
    "channels": [_("channel")],
    "heard": [_("heard about Week 3 through")],
}

# The figures' column headings, as on the reach page itself.
METRIC_LABELS = {
    "visits": _("Visits"),
    "reservations": _("Reservations"),
    "people": _("People"),
    "came": _("Came"),
}


def csv_rows(table_name: str, table):
    """The table as CSV rows: its header, a row per line, the totals; small counts as "< 5"."""
    labels = [str(label) for label in CSV_HEADERS[table_name]]
    yield [*labels, *(str(METRIC_LABELS[name]) for name in table.metrics)]
    for row, cells in table.rows:
        yield [*_label_columns(table_name, row), *(str(cell) for cell in cells)]
    yield [str(_("total")), *([""] * (len(labels) - 1)), *(str(cell) for cell in table.total)]


def reach_csv(request, site, table):
    _check(request)
    if table not in TABLES:
        raise Http404("No such table")
    edition = _edition(request)
    writer = csv.writer(_Echo())
    rows = csv_rows(table, staff_reach(edition)[table])
    response = StreamingHttpResponse(
        (writer.writerow([csv_safe(cell) for cell in row]) for row in rows),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"week3-{edition.year}-reach-{table}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def add_reach_urls(site) -> None:
    """Put the reach pages in front of the admin's own URLs (named admin:campaign_reach and
    admin:campaign_reach_csv), behind its login and the staff's second factor."""
    admin_urls = site.get_urls

    def get_urls():
        return [
            path(
                "bereik/",
                site.admin_view(reach_view),
                {"site": site},
                name="campaign_reach",
            ),
            path(
                "bereik/<slug:table>.csv",
                site.admin_view(reach_csv),
                {"site": site},
                name="campaign_reach_csv",
            ),
            *admin_urls(),
        ]

    site.get_urls = get_urls
