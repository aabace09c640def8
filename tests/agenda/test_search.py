"""Free-text search through the stored, indexed search vectors the database keeps current."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from agenda.filters import _ACTIVITY_TEXT_MATCHES, _sql_condition
from agenda.models import Activity

pytestmark = pytest.mark.django_db


def found(client, query: str) -> list[str]:
    """The titles of the cards the agenda shows (from the HTML: a repeat comes from the cache)."""
    response = client.get(reverse("agenda:activity_list"), {"q": query})
    assert response.status_code == 200
    return re.findall(r'class="card-title"[^>]*><a [^>]*>([^<]+)</a>', response.content.decode())


def test_a_stemmed_word_finds_what_no_substring_does(client, agenda):
    # "kunstenaars" is nowhere in the text; its stem is ("… met de kunstenaar").
    assert found(client, "kunstenaars") == ["Open atelier"]
    assert found(client, "bewegingen") == ["Dansen voor senioren"]  # "Rustig bewegen …"


def test_part_of_a_word_still_finds_something(client, agenda):
    assert found(client, "koor") == ["Kinderkoor De Merel zingt"]


def test_the_provider_name_is_searched_too(client, agenda):
    assert found(client, "muziekschool") == ["Kinderkoor De Merel zingt"]


def test_the_vector_follows_a_change_of_title_and_description(client, agenda):
    studio = agenda["studio"]
    studio.title = "Tekenen voor iedereen"
    studio.description = "Boetseren met klei."
    studio.save()
    assert found(client, "kunstenaars") == []
    assert found(client, "boetseer") == ["Tekenen voor iedereen"]
    assert found(client, "tekening") == ["Tekenen voor iedereen"]
    studio.description = "Schilder mee met de kunstenaar."
    studio.save(update_fields=["description", "updated_at"])
    assert found(client, "kunstenaars") == ["Tekenen voor iedereen"]


def test_the_text_condition_is_answered_by_the_gin_index(agenda):
    # A few rows make a sequential scan cheaper; forbid it to see that the index applies.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    matches = Activity.objects.filter(_sql_condition(_ACTIVITY_TEXT_MATCHES, "kunstenaars"))
    plan = matches.explain()
    assert "activity_search" in plan
    assert [activity.title for activity in matches] == ["Open atelier"]
