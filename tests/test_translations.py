"""Dutch and German are complete: full catalogs, and no English (or Dutch) left on the pages."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = ["nl", "de"]
LANGUAGES = ["nl", "en", "de"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
TAG = re.compile(r"<[^>]+>")
# Decoration around a translated string in one text node: "← Back", "· Culture …", "✓ Lift".
DECORATION = " ·←→×✓✗•|"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
TEXT_ATTRIBUTES = {"alt", "placeholder", "aria-label", "title"}


def normalise(text: str) -> str:
    return " ".join(text.split())


def catalog(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


# The catalogs themselves.


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_is_complete(code):
    po = catalog(code)
    assert po.metadata.get("Language") == code
    assert po.metadata.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert not po.metadata_is_fuzzy
    untranslated = [
        e.msgid
        for e in po
        if not e.obsolete
        and (not all(e.msgstr_plural.get(i) for i in (0, 1)) if e.msgid_plural else not e.msgstr)
    ]
    fuzzy = [e.msgid for e in po if e.fuzzy and not e.obsolete]
    assert untranslated == [], f"{code}: untranslated entries"
    assert fuzzy == [], f"{code}: fuzzy entries"


@pytest.mark.parametrize("code", TRANSLATED)
def test_compiled_catalog_matches_the_po_file(code):
    """The site reads the committed .mo: it must hold exactly what the .po says."""

    def key(entry):
        forms = tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr
        return (entry.msgctxt, entry.msgid, entry.msgid_plural, forms)

    po = {key(e) for e in catalog(code) if not e.obsolete and not e.fuzzy}
    mo = {key(e) for e in polib.mofile(str(LOCALE / code / "LC_MESSAGES" / "django.mo"))}
    assert po - mo == set(), "run: DEBUG=1 .venv/bin/python manage.py compilemessages"
    assert mo - po == set(), "run: DEBUG=1 .venv/bin/python manage.py compilemessages"


# What the catalogs say each language must (not) show.


def long_enough(form: str) -> bool:
    """At least two words or six characters outside placeholders: names stay out of it."""
    literal = normalise(PLACEHOLDER.sub(" ", TAG.sub(" ", form)))
    return len(literal.split()) >= 2 or len(literal) >= 6


def matcher(form: str):
    """A pattern for a whole text: placeholders match any short text, tags are dropped."""
    text = normalise(TAG.sub(" ", form))
    pieces = PLACEHOLDER.split(text)
    # split() alternates literal text and placeholder names.
    pattern = "".join(
        re.escape(piece) if index % 2 == 0 else r".{1,80}?" for index, piece in enumerate(pieces)
    )
    # Tags removed from a msgid leave spaces that a rendered page may not have.
    pattern = pattern.replace(r"\ ", r"\s*")
    return re.compile(pattern)


def pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(English source, translation) for each form of an entry."""
    if entry.msgid_plural:
        return [
            (entry.msgid, entry.msgstr_plural.get(0, "")),
            (entry.msgid_plural, entry.msgstr_plural.get(1, "")),
        ]
    return [(entry.msgid, entry.msgstr)]


@cache
def expectations(code: str) -> tuple[list, list]:
    """(forbidden, allowed) patterns for pages in language `code`.

    Forbidden: English sources whose translation differs (nl, de); for German also the Dutch
    translations that differ from the German one; for English the Dutch and German
    translations that differ from the source. Allowed: everything that is right for `code`,
    so a string that happens to be the same in two languages is never flagged.
    """
    forms = {lang: [] for lang in ("en", *TRANSLATED)}
    for lang in TRANSLATED:
        for entry in catalog(lang):
            if entry.obsolete or not entry.msgid:
                continue
            for source, translated in pairs(entry):
                forms["en"].append(source)
                forms[lang].append(translated)
    forbidden_sources = {"nl": ["en"], "de": ["en", "nl"], "en": ["nl", "de"]}[code]
    allowed = {normalise(form) for form in forms[code] if form}
    forbidden = {
        normalise(form)
        for lang in forbidden_sources
        for form in forms[lang]
        if form and normalise(form) not in allowed and long_enough(form)
    }
    return (
        [(form, matcher(form)) for form in sorted(forbidden)],
        [matcher(form) for form in sorted(allowed)],
    )


# Reading a page as a visitor (or a screen reader) gets it.


class PageText(HTMLParser):
    """Visible text nodes, texts of whole elements and attribute texts of one page.

    Text inside an element with another `lang` than the page (the language switcher's
    "Deutsch") is that language on purpose and is left out.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.texts: list[str] = []
        self.stack: list[dict] = []
        self.skip = 0

    def _foreign(self, attrs: dict) -> bool:
        inherited = bool(self.stack) and self.stack[-1]["foreign"]
        own = attrs.get("lang")
        return inherited or (own is not None and self.lang is not None and own != self.lang)

    def _attributes(self, tag: str, attrs: dict, foreign: bool):
        if foreign:
            return
        for name, value in attrs.items():
            if value and (
                name in TEXT_ATTRIBUTES
                or (tag == "meta" and name == "content" and attrs.get("name") == "description")
            ):
                self.texts.append(normalise(value))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        for frame in self.stack:
            frame["parts"].append(" ")
        foreign = self._foreign(attrs)
        self._attributes(tag, attrs, foreign)
        if tag in ("script", "style"):
            self.skip += 1
        if tag not in VOID:
            self.stack.append({"tag": tag, "foreign": foreign, "parts": []})

    def handle_startendtag(self, tag, attrs):
        attrs = dict(attrs)
        self._attributes(tag, attrs, self._foreign(attrs))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(self.skip - 1, 0)
        if not any(frame["tag"] == tag for frame in self.stack):
            return
        while self.stack:
            frame = self.stack.pop()
            text = normalise("".join(frame["parts"]))
            if text and not frame["foreign"] and len(text) <= 300:
                self.texts.append(text)
                if frame["tag"] == "title":
                    self.texts.extend(normalise(part) for part in text.split(" · "))
            if frame["tag"] == tag:
                break
        for frame in self.stack:
            frame["parts"].append(" ")

    def handle_data(self, data):
        if self.skip or (self.stack and self.stack[-1]["foreign"]):
            return
        for frame in self.stack:
            frame["parts"].append(data)
        text = normalise(data)
        if text:
            self.texts.append(text)
            self.texts.append(text.strip(DECORATION))


def wrong_language_texts(texts: list[str], code: str) -> list[tuple[str, str]]:
    forbidden, allowed = expectations(code)
    found = []
    for text in dict.fromkeys(texts):
        if not text or any(pattern.fullmatch(text) for pattern in allowed):
            continue
        found.extend((text, form) for form, pattern in forbidden if pattern.fullmatch(text))
    return found


def read(client, path: str, code: str, status: int = 200) -> PageText:
    prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
    response = client.get(prefix + path)
    assert response.status_code == status, f"{prefix + path}: {response.status_code}"
    page = PageText()
    page.feed(response.content.decode())
    page.close()
    return page


def assert_in_language(page: PageText, code: str, path: str):
    assert page.lang == code, f"{path} in {code}: <html lang={page.lang!r}>"
    wrong = wrong_language_texts(page.texts, code)
    assert wrong == [], f"{path} in {code}: text in the wrong language (text, catalog string)"


# The pages.

AGENDA_PAGES = [
    "/",
    "/agenda/",
    "/agenda/?doelgroep=kinderen&leeftijd=8",
    "/agenda/?q=zzzzzz",
    "/agenda/?leeftijd=drie&wijk=amsterdam",  # filters left out, with a message
    "/agenda/?page=99",  # a page that does not exist, and the pagination
    "activity:choir",
    "activity:dance",  # a full session
    "activity:studio",  # walk in, a cancelled session, no Dutch needed
    "provider:choir",
]


def page_path(spec: str, agenda: dict) -> str:
    if ":" not in spec:
        return spec
    kind, key = spec.split(":")
    obj = agenda[key] if kind == "activity" else agenda[key].provider
    with translation.override(settings.LANGUAGE_CODE):
        return obj.get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("spec", AGENDA_PAGES)
def test_pages_show_no_untranslated_interface_text(client, agenda, settings, code, spec):
    settings.AGENDA_PAGE_SIZE = 2  # three public activities: two pages
    path = page_path(spec, agenda)
    assert_in_language(read(client, path, code), code, path)


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_not_found_page_is_translated(client, agenda, code):
    path = "/bestaat-niet/"
    assert_in_language(read(client, path, code, status=404), code, path)


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_home_before_the_agenda_is_published_is_translated(client, code):
    assert_in_language(read(client, "/", code), code, "/ (no edition)")


def test_the_checker_sees_english_and_dutch_where_they_do_not_belong():
    """The test above can fail: a page with leftovers is caught, a correct one is not."""
    html = (
        '<html lang="de"><head><title>Agenda · Week 3 Venlo</title></head><body>'
        '<a href="/">← Back to the agenda</a><p>Zoeken</p>'
        '<p class="result-count">3 free activities</p>'
        "<p><strong>3</strong> kostenlose Aktivitäten von <strong>2</strong> Anbietern</p>"
        '<input placeholder="For example: choir, drawing, guitar">'
        '<a lang="nl" href="/">Nederlands</a><script>var s = "Clear all";</script>'
        "</body></html>"
    )
    page = PageText()
    page.feed(html)
    page.close()
    wrong = {text for text, _form in wrong_language_texts(page.texts, "de")}
    assert wrong == {
        "Back to the agenda",
        "Zoeken",
        "3 free activities",
        "For example: choir, drawing, guitar",
    }
