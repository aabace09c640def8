"""agenda.markup writes what Django's format_html and format_html_join write: the agenda's
cards and filters use it, so it must escape exactly as they do."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override

from agenda import markup

VALUES = [
    '<script>alert("x")</script>',
    'Tom & Jerry\'s "koor"',
    mark_safe("<em>al veilig</em>"),
    gettext_lazy("Spots free"),
    42,
    None,
    "",
    "ü — ß",
]


def test_html_escapes_like_format_html():
    template = '<a href="{}" title="{}">{}</a>'
    for first in VALUES:
        for second in VALUES:
            args = (first, second, first)
            with override("de"):
                expected = format_html(template, *args)
                written = markup.html(template, *args)
            assert written == expected
            assert isinstance(written, SafeString)


def test_html_takes_names_too():
    assert markup.html("<p id={pk}>{title}</p>", pk=3, title="a<b") == format_html(
        "<p id={pk}>{title}</p>", pk=3, title="a<b"
    )


def test_html_join_matches_format_html_join():
    rows = [(value, index) for index, value in enumerate(VALUES)]
    for separator in ("\n", "", "<br>", mark_safe("<br>")):
        written = markup.html_join(separator, "<li>{} ({})</li>", rows)
        assert written == format_html_join(separator, "<li>{} ({})</li>", rows)
        assert isinstance(written, SafeString)


def test_nothing_unescaped_reaches_the_page():
    written = markup.html_join("", '<span title="{}">{}</span>', [('"><img onerror=x>', "<b>")])
    assert "<img" not in written and "<b>" not in written
