"""The municipal dashboard (staff, under /beheer/impact/), its CSV exports and the printable
report for the council; a provider's results page (/portaal/resultaten/)."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda.admin_moderation import csv_safe
from agenda.models import Edition
from impact.access import provider_view, staff_view
from impact.charts import compared_bars, horizontal_bars
from impact.figures import MIN_OTHERS, edition_dashboard, provider_results
from impact.figures.tables import Column, Table
from providers.validators import is_plain_number

# The headline counts the edition-against-previous chart shows.
COMPARED = ["booked", "participants", "walk_ins", "conversions", "answered"]


def chosen_edition(request) -> Edition | None:
    """The edition of ?editie=<year>; anything else (missing, not a year, no such edition):
    the latest published one that has begun (its figures are in), else the current, else the
    latest."""
    editions = Edition.objects.order_by("-starts_on")
    year = request.GET.get("editie", "")
    if is_plain_number(year) and len(year) == 4:
        edition = editions.filter(year=int(year)).first()
        if edition is not None:
            return edition
    begun = editions.published().filter(starts_on__lte=timezone.localdate()).first()
    return begun or Edition.objects.current() or editions.first()


def headline_table(figures, edition, previous) -> Table:
    columns = [Column("label", _("Figure"), "text"), Column("now", str(edition), "count")]
    if previous:
        columns += [
            Column("before", str(previous), "count"),
            Column("change", _("Difference"), "text"),
        ]
    table = Table("headline", _("Headline figures"), columns)
    for figure in figures:
        row = [figure.label, figure.now]
        if previous:
            row += [figure.before, figure.change]
        table.rows.append(row)
    return table


def comparison_chart(figures, edition, previous, chart_id="chart-compare"):
    if previous is None:
        return None
    items = [(f.label, f.now, f.before) for f in figures if f.key in COMPARED]
    title = _("%(this)s compared with %(previous)s") % {"this": edition, "previous": previous}
    return compared_bars(chart_id, title, items, str(edition), str(previous))


def _dashboard_context(edition):
    dashboard = edition_dashboard(edition)
    headline = headline_table(dashboard.figures, edition, dashboard.previous)
    sections = [
        {
            "table": table,
            "chart": horizontal_bars(
                f"chart-{table.slug}",
                f"{table.title}: {table.columns[table.column_index(table.chart_column)].label}",
                table.chart_bars(),
            ),
        }
        for table in dashboard.tables
    ]
    return {
        "edition": edition,
        "not_over": edition.ends_on >= timezone.localdate(),
        "previous": dashboard.previous,
        "headline": headline,
        "compare_chart": comparison_chart(dashboard.figures, edition, dashboard.previous),
        "sections": sections,
        "editions": Edition.objects.order_by("-starts_on"),
    }


@staff_view
def dashboard(request):
    edition = chosen_edition(request)
    if edition is None:
        return render(request, "impact/dashboard.html", {"edition": None})
    return render(request, "impact/dashboard.html", _dashboard_context(edition))


@staff_view
def report(request):
    edition = chosen_edition(request)
    if edition is None:
        raise Http404("No edition yet")
    return render(request, "impact/report.html", _dashboard_context(edition))


@staff_view
def table_csv(request, slug):
    edition = chosen_edition(request)
    if edition is None:
        raise Http404("No edition yet")
    context = _dashboard_context(edition)
    tables = [context["headline"], *(section["table"] for section in context["sections"])]
    table = next((table for table in tables if table.slug == slug), None)
    if table is None:
        raise Http404("No such table")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"week3-{edition.year}-{slug}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    for row in table.csv_rows():
        writer.writerow([csv_safe(cell) for cell in row])
    return response


@provider_view
def provider_results_page(request):
    provider = request.user.provider
    edition = chosen_edition(request)
    if edition is None:
        raise Http404("No edition yet")
    results = provider_results(edition, provider)
    kind_label = provider.get_kind_display()
    others = results.kind or [None] * len(results.own)
    rows = [
        (own.label, own.now, other.now if other else None, own.before, own.change)
        for own, other in zip(results.own, others, strict=True)
    ]
    # Without others to compare with: its own figures beside its previous edition's.
    chart = comparison_chart(results.own, edition, results.previous, "chart-provider")
    if results.kind:
        chart = compared_bars(
            "chart-provider",
            _("Your figures beside the other providers of your kind"),
            [
                (own.label, own.now, other.now)
                for own, other in zip(results.own, results.kind, strict=True)
                if own.key in COMPARED
            ],
            provider.name,
            _("Others: %(kind)s") % {"kind": kind_label},
        )
    return render(
        request,
        "impact/provider_results.html",
        {
            "edition": edition,
            "not_over": edition.ends_on >= timezone.localdate(),
            "previous": results.previous,
            "provider": provider,
            "kind_label": kind_label,
            "rows": rows,
            "compared": results.kind is not None,
            "min_others": MIN_OTHERS,
            "chart": chart,
            "editions": Edition.objects.order_by("-starts_on"),
        },
    )
