"""All figures of an edition (or of one provider, or one kind of provider, in it), aggregated in
SQL in a fixed number of queries, with small counts hidden (campaign.suppression).

Definitions (docs/decisions.md, "Impact dashboard"):
- participants: people on reservations marked attended, plus walk-ins;
- fill rate: places booked in sessions with a limit / places offered in them;
- no-show rate: did not come / (came + did not come), people on marked reservations;
- conversion rate: joined + course sign-ups / participants, over the activities whose
  provider entered the numbers;
- audience fit: participants whose age bracket is inside the activity's intended audience /
  participants who gave an age bracket;
- response rate: answered follow-up questions / sent; average score over the answers.
"""

from dataclasses import dataclass

from agenda.models import Edition
from impact.figures.breakdowns import offer_tables, visitor_tables
from impact.figures.headline import Figure, headline, previous_edition
from impact.figures.raw import activity_facts
from impact.figures.scope import Scope
from impact.figures.tables import Table


@dataclass
class Dashboard:
    edition: Edition
    previous: Edition | None
    figures: list[Figure]
    tables: list[Table]

    def figure(self, key: str) -> Figure:
        return next(figure for figure in self.figures if figure.key == key)

    def table(self, slug: str) -> Table:
        return next(table for table in self.tables if table.slug == slug)


def edition_dashboard(edition: Edition) -> Dashboard:
    """Everything the staff dashboard shows for an edition."""
    scope = Scope(edition)
    previous = previous_edition(edition)
    facts = activity_facts(scope)
    figures = headline(scope, previous, facts)
    # A table's total hides what the headline hides of the same figure (came, hidden with the
    # walk-ins, would else give them away from the participants).
    total_hidden = {
        figure.key: figure.now.hidden
        for figure in figures
        if figure.key in ("reservations", "booked", "attended", "no_show")
    }
    return Dashboard(
        edition,
        previous,
        figures,
        [*offer_tables(scope, facts), *visitor_tables(scope, total_hidden)],
    )


# A provider's figures are compared with the other providers of its kind only when there are
# at least this many of them: with fewer, the aggregate comes too close to one provider's.
MIN_OTHERS = 5


@dataclass
class ProviderResults:
    edition: Edition
    previous: Edition | None
    own: list[Figure]
    # The other providers of its kind together (never the provider itself: its own exact
    # figures subtracted from a total that holds them would give the rest away); None when
    # fewer than MIN_OTHERS other providers of its kind took part.
    kind: list[Figure] | None


def provider_results(edition: Edition, provider) -> ProviderResults:
    """A provider's own headline figures, and those of the other providers of its kind
    together, when there are enough of them."""
    previous = previous_edition(edition)
    others = headline(
        Scope(edition, kind=provider.kind, excluded_provider_id=provider.pk), previous
    )
    enough = next(f for f in others if f.key == "providers").now.value >= MIN_OTHERS
    return ProviderResults(
        edition,
        previous,
        headline(Scope(edition, provider_id=provider.pk), previous),
        others if enough else None,
    )


__all__ = [
    "MIN_OTHERS",
    "Dashboard",
    "ProviderResults",
    "Scope",
    "edition_dashboard",
    "provider_results",
]
