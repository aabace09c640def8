"""With a shared cache, each process keeps the bodies it serves most: read from the shared
cache once, then from memory, never out of date because their keys name one version."""

import pytest
from django.core.cache import cache

from agenda.near_cache import NearCache
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def near(settings):
    settings.NEAR_CACHE_BYTES = 1200
    settings.NEAR_CACHE_SECONDS = 60
    return NearCache()


def test_read_once_from_the_shared_cache_then_from_memory(near):
    cache.set("page:v1", b"x" * 100)
    assert near.get("page:v1") == b"x" * 100
    cache.delete("page:v1")  # the shared cache lost it (or was asked by another server)
    assert near.get("page:v1") == b"x" * 100
    assert near.get("page:v2") is None  # neither has it: nothing kept


def test_least_recently_used_bytes_go_first(near):
    for name in "abcd":
        near.keep(name, name.encode() * 300)  # 4 × (300 bytes and the entry's own) > 1,200
    assert near.get("a") is None  # dropped first (and not in the shared cache)
    near.get("b")  # used again: now the most recent
    near.keep("e", b"e" * 300)
    assert near.get("c") is None
    assert near.get("b") == b"b" * 300 and near.get("e") == b"e" * 300
    near.keep("huge", b"h" * 2000)  # larger than the whole: not kept at all
    assert near.get("huge") is None and near.get("e") == b"e" * 300


def test_an_entry_is_read_again_after_its_seconds(near, settings):
    settings.NEAR_CACHE_SECONDS = 0
    near.keep("page:v1", b"copy in the process")
    cache.set("page:v1", b"copy in the shared cache")
    assert near.get("page:v1") == b"copy in the shared cache"


def test_off_without_a_shared_cache(settings):
    settings.NEAR_CACHE_BYTES = 0
    near = NearCache()
    near.keep("page:v1", b"kept?")
    assert near.get("page:v1") is None
    cache.set("page:v1", b"shared")
    assert near.get("page:v1") == b"shared"
    cache.delete("page:v1")
    assert near.get("page:v1") is None


def test_a_change_is_served_at_once_with_the_near_cache_on(client, settings, agenda):
    """The page after an edit has a new key: the copy of the old page is never served."""
    settings.NEAR_CACHE_BYTES = 10_000_000
    settings.CONTENT_FINGERPRINT_TTL = 0
    choir = agenda["choir"]
    assert choir.title in client.get("/agenda/").content.decode()
    client.get("/agenda/")  # now from the process's copy
    choir.title = "Kinderkoor De Merel, nu ook op zaterdag"
    choir.save()
    ActivityFactory()  # and another change beside it
    assert "nu ook op zaterdag" in client.get("/agenda/").content.decode()


def test_what_is_not_bytes_counts_by_its_pickled_size(near):
    """A page's index (its content type and the sessions it shows) counts as what it holds."""
    near.keep("small", b"s" * 300)
    near.keep("index", ("text/html", tuple(range(10_000, 10_300)), True))  # about 900 pickled
    assert near.get("index") is not None
    assert near.get("small") is None  # dropped to make room (and not in the shared cache)


def test_an_answer_to_a_junk_address_is_not_copied_into_the_process(near):
    cache.set("page:junk", b"for five seconds")
    assert near.get("page:junk", keep=False) == b"for five seconds"
    cache.delete("page:junk")
    assert near.get("page:junk") is None
