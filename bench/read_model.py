"""The least a cold agenda page could cost with a read model: a floor, not used by the site.

`build()` fills a denormalised table from the seeded data: one row per public activity of the
current edition, with its sort key, its end, every counted filter's values as arrays, its
stored search vector and its card's markup as the agenda renders it (places as markers). The
view `read_model_floor` then does per request what a cold page built on such a table would at
least do: one statement for the number found, every facet's counts and the twenty cards of the
page (filtered by `?q=` through the GIN index when given), the places filled in from
agenda.rooms, the filter options and the cards written into a page of the agenda's size
whose shell (everything around them) was rendered once per process. `read_model_page` does
the same but renders the site's page template around them per request, as any page would.
What both leave out (the filters' own logic, the form) a real page adds.
"""

import html
import re

from django.db import connection
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from agenda import views as agenda_views
from agenda.caching import _fill
from agenda.rooms import rooms

BUILD = """
DROP TABLE IF EXISTS bench_agenda_card;
CREATE TABLE bench_agenda_card AS
SELECT a.id,
  (SELECT min(s.starts_at) FROM agenda_session s WHERE s.activity_id = a.id) AS sort_at,
  (SELECT max(s.ends_at) FROM agenda_session s WHERE s.activity_id = a.id) AS last_end,
  ARRAY(SELECT d.slug FROM agenda_activity_disciplines l JOIN providers_discipline d
        ON d.id = l.discipline_id WHERE l.activity_id = a.id) AS disciplines,
  ARRAY(SELECT l.language_id FROM agenda_activity_languages l WHERE l.activity_id = a.id)
    AS languages,
  ARRAY(SELECT DISTINCT di.slug FROM agenda_session s JOIN providers_venue v ON v.id = s.venue_id
        JOIN providers_district di ON di.id = v.district_id WHERE s.activity_id = a.id)
    AS districts,
  ARRAY(SELECT DISTINCT au.slug FROM agenda_activity_audiences l
        LEFT JOIN agenda_audience_includes i ON i.from_audience_id = l.audience_id
        JOIN agenda_audience au ON au.id IN (l.audience_id, i.to_audience_id)
        WHERE l.activity_id = a.id) AS audiences,
  ARRAY(SELECT DISTINCT (s.starts_at AT TIME ZONE 'Europe/Amsterdam')::date
        FROM agenda_session s WHERE s.activity_id = a.id) AS days,
  p.kind, a.search_vector, ''::text AS html
FROM agenda_activity a JOIN providers_provider p ON p.id = a.provider_id
JOIN agenda_edition e ON e.id = a.edition_id
WHERE a.state = 'approved' AND p.status = 'approved' AND e.is_published;
CREATE INDEX ON bench_agenda_card (sort_at, id);
CREATE INDEX ON bench_agenda_card USING gin (search_vector);
"""

READ = """
WITH c AS MATERIALIZED (
  SELECT id, sort_at, disciplines, languages, districts, audiences, days, kind
  FROM bench_agenda_card WHERE last_end > now() {search})
SELECT 'total', NULL, count(*)::int FROM c
UNION ALL SELECT 'discipline', x, count(*)::int FROM c, unnest(disciplines) x GROUP BY x
UNION ALL SELECT 'taal', x, count(*)::int FROM c, unnest(languages) x GROUP BY x
UNION ALL SELECT 'wijk', x, count(*)::int FROM c, unnest(districts) x GROUP BY x
UNION ALL SELECT 'doelgroep', x, count(*)::int FROM c, unnest(audiences) x GROUP BY x
UNION ALL SELECT 'dag', x::text, count(*)::int FROM c, unnest(days) x GROUP BY x
UNION ALL SELECT 'soort', kind, count(*)::int FROM c GROUP BY kind
UNION ALL (SELECT 'card', b.html, 0 FROM c JOIN bench_agenda_card b USING (id)
           ORDER BY c.sort_at, c.id LIMIT 20 OFFSET %s)
"""
SEARCH = "AND search_vector @@ websearch_to_tsquery('dutch', %s)"

_CARD = re.compile(r'<article class="card" aria-labelledby="activity-(\d+)">.*?</article>', re.S)
# The agenda page around its filters and cards, rendered once per process (_shell_parts).
_shell = {"head": "", "tail": "", "template": None}


def build():
    """Fill the table, each card's markup taken from the agenda's own pages."""
    with connection.cursor() as cursor:
        cursor.execute(BUILD)
    cards, number = {}, 1
    while True:
        request = RequestFactory().get("/agenda/", {"page": number})
        request._rooms_shown = set()  # places as markers, as a page rendered for the cache
        page = agenda_views.agenda.__wrapped__.__wrapped__(request).content.decode()
        found = {int(match[1]): match[0] for match in _CARD.finditer(page)}
        if not found or set(found) <= set(cards):
            break
        cards.update(found)
        number += 1
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE bench_agenda_card SET html = %s WHERE id = %s",
            [(markup, pk) for pk, markup in cards.items()],
        )
        cursor.execute("ANALYZE bench_agenda_card")
    print(f"read model: {len(cards)} cards")


def _shell_parts():
    if not _shell["head"]:
        request = RequestFactory().get("/agenda/")
        page = agenda_views.agenda.__wrapped__.__wrapped__(request).content.decode()
        last = page.rindex("</article>") + len("</article>")
        # Without its filter options and cards: the floor writes those itself.
        _shell["head"] = page[: page.index("<form")]
        _shell["tail"] = page[last:]
    return _shell["head"], _shell["tail"]


def _options_and_cards(request) -> str:
    """One statement for the number found, the facets' counts and the page's cards; the
    options and the cards (places filled in) as markup."""
    text = request.GET.get("q", "")
    page = int(request.GET.get("page", "1") or 1)
    params = [text] if text else []
    with connection.cursor() as cursor:
        cursor.execute(READ.format(search=SEARCH if text else ""), [*params, 20 * (page - 1)])
        rows = cursor.fetchall()
    facets, cards = [], []
    for facet, key, n in rows:
        if facet == "card":
            cards.append(key)
        elif facet != "total":
            value = html.escape(key or "")
            facets.append(
                f'<li><label><input type="checkbox" name="{facet}" value="{value}"> '
                f"{value} <span>({n})</span></label></li>"
            )
    listing = _fill("".join(f"<li>{card}</li>" for card in cards), rooms())
    return "".join(("<form><ul>", *facets, "</ul></form><ol>", listing, "</ol>"))


def read_model_floor(request):
    head, tail = _shell_parts()
    return HttpResponse(head + _options_and_cards(request) + tail)


def read_model_page(request):
    """The same, written into the site's page template per request (base.html: head,
    navigation, language links, footer), as any real page would be."""
    if _shell["template"] is None:
        _shell["template"] = engines["django"].from_string(
            '{% extends "base.html" %}{% block content %}{{ body }}{% endblock %}'
        )
    body = mark_safe(_options_and_cards(request))  # our own markup, escaped above
    return HttpResponse(_shell["template"].render({"body": body}, request))
