"""What the agenda's search box understands: day words, and words that each name something.

A search is split into words. Day words ("zaterdag", "tomorrow", "Wochenende") become the day
filter and leave the text; little words ("voor", "the", "und") are dropped; every other word
must name something about the activity — its title, description, provider, the venue or
district of one of its sessions, or one of its audiences or disciplines in Dutch, English or
German — so "kinderen muziek blerick" finds music for children in Blerick, each word matching
where it may. An activity for families also answers "children" (Audience.includes).

All of it is one condition in the results query: the query count does not grow with the words.
"""

import datetime
import re

from django.db.models import BooleanField, Exists, Expression, OuterRef, Q
from django.utils import timezone

from agenda.models import Activity, Audience, Session
from providers.models import Discipline, Provider

# At most this many words of one search are looked for; the rest are left out.
MAX_WORDS = 8

_TODAY = {"vandaag", "today", "heute"}
_TOMORROW = {"morgen", "tomorrow"}  # German "morgen" is tomorrow too
_WEEKEND = {"weekend", "wochenende", "weekeinde"}
_WEEKDAYS = {
    0: {"maandag", "monday", "montag"},
    1: {"dinsdag", "tuesday", "dienstag"},
    2: {"woensdag", "wednesday", "mittwoch"},
    3: {"donderdag", "thursday", "donnerstag"},
    4: {"vrijdag", "friday", "freitag"},
    5: {"zaterdag", "saturday", "samstag", "sonnabend"},
    6: {"zondag", "sunday", "sonntag"},
}
_WEEKDAY_OF = {word: day for day, words in _WEEKDAYS.items() for word in words}
DAY_WORDS = _TODAY | _TOMORROW | _WEEKEND | set(_WEEKDAY_OF)

# Words that name nothing: searched for, they would match almost every description.
STOP_WORDS = {
    # Dutch
    "de", "het", "een", "en", "of", "van", "voor", "in", "op", "met", "te", "bij", "aan",
    "om", "dit", "deze", "die", "mijn", "ik", "je", "iets", "wat", "naar", "uit", "ook",
    # English
    "the", "a", "an", "and", "or", "for", "on", "at", "with", "this", "my", "to",
    "something", "some", "next",
    # German
    "der", "das", "den", "dem", "des", "ein", "eine", "einen", "und", "oder", "für", "mit",
    "im", "am", "auf", "zu", "von", "dieses", "diese", "dieser", "mein", "meine", "etwas",
}  # fmt: skip

_WORD = re.compile(r"[\w'-]+")

# The stored search vectors: generated columns with a GIN index each, which the database keeps
# current (migrations agenda 0014 and providers 0011); the models do not load them. `{table}`
# is the activity table as the query that reads the condition names it (the counts of
# agenda.facets nest the results query, which renames it).
_ACTIVITY_TEXT_MATCHES = "{table}.search_vector @@ websearch_to_tsquery('dutch', %s)"
_PROVIDER_NAME_MATCHES = (
    f"{{table}}.provider_id IN (SELECT id FROM {Provider._meta.db_table} "
    "WHERE search_vector @@ websearch_to_tsquery('dutch', %s))"
)


class _ActivitySQL(Expression):
    """A condition in SQL on the activity table of whichever query it ends up in."""

    output_field = BooleanField()

    def __init__(self, sql: str, value: str):
        super().__init__()
        self.sql, self.value = sql, value

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return self.sql.format(table=table), [self.value]


def _sql_condition(sql: str, value: str) -> Q:
    return Q(_ActivitySQL(sql, value))


def _day_word(word: str) -> str:
    return word.casefold().strip(".,!?;:")


def names_a_day(texts: list[str]) -> bool:
    """Whether any of the searches names a day ("morgen", "zaterdag"): one that means
    another date from midnight on."""
    return any(_day_word(word) in DAY_WORDS for text in texts for word in text.split())


def split_days(text: str, days: list[datetime.date]) -> tuple[str, list[datetime.date], list[str]]:
    """The search without its day words, the edition days they mean (relative to today), and
    the day words that mean none of the edition's days."""
    today = timezone.localdate()
    kept, found, unmatched = [], [], []
    for word in text.split():
        key = _day_word(word)
        if key not in DAY_WORDS:
            kept.append(word)
            continue
        meant = _days_for(key, days, today)
        # "on Tuesday", "op zaterdag", "dieses Wochenende": the little word goes with it.
        if kept and kept[-1].casefold() in STOP_WORDS:
            kept.pop()
        if meant:
            found.extend(day for day in meant if day not in found)
        else:
            unmatched.append(word)
    return " ".join(kept), sorted(found), unmatched


def _days_for(word: str, days: list[datetime.date], today: datetime.date) -> list[datetime.date]:
    if word in _TODAY:
        return [today] if today in days else []
    if word in _TOMORROW:
        tomorrow = today + datetime.timedelta(days=1)
        return [tomorrow] if tomorrow in days else []
    upcoming = [day for day in days if day >= today] or list(days)
    if word in _WEEKEND:
        weekend = [day for day in upcoming if day.weekday() >= 5]
        if not weekend:
            return []
        first = weekend[0]
        return [day for day in weekend if (day - first).days <= 1]
    weekday = _WEEKDAY_OF[word]
    return [day for day in upcoming if day.weekday() == weekday][:1]


def search_words(text: str) -> list[str]:
    words = [word for word in _WORD.findall(text) if word.casefold() not in STOP_WORDS]
    return words[:MAX_WORDS]


def _names_match(word: str, prefix: str = "") -> Q:
    return (
        Q(**{f"{prefix}name__icontains": word})
        | Q(**{f"{prefix}name_en__icontains": word})
        | Q(**{f"{prefix}name_de__icontains": word})
    )


def word_condition(word: str) -> Q:
    """Where one word may match an activity."""
    audiences = Audience.objects.filter(
        _names_match(word) | Q(pk__in=Audience.objects.filter(_names_match(word, "includes__")))
    )
    audience_links = Activity.audiences.through.objects.filter(
        activity=OuterRef("pk"), audience__in=audiences
    )
    discipline_links = Activity.disciplines.through.objects.filter(
        activity=OuterRef("pk"), discipline__in=Discipline.objects.filter(_names_match(word))
    )
    places = Session.objects.filter(activity=OuterRef("pk")).filter(
        Q(venue__name__icontains=word) | Q(venue__district__name__icontains=word)
    )
    return (
        # Dutch full text (stemmed: "zingen" finds "zingt"), or part of a word ("koor" in
        # "kinderkoor").
        _sql_condition(_ACTIVITY_TEXT_MATCHES, word)
        | _sql_condition(_PROVIDER_NAME_MATCHES, word)
        | Q(title__icontains=word)
        | Q(provider__name__icontains=word)
        | Q(description__icontains=word)
        | Exists(audience_links)
        | Exists(discipline_links)
        | Exists(places)
    )


def text_condition(text: str) -> Q:
    """Every word must match somewhere; a search of only little words matches everything."""
    condition = Q()
    for word in search_words(text):
        condition &= word_condition(word)
    return condition
