"""A provider's results page compares its figures with the OTHER providers of its kind only,
and only when there are enough of them: its own exact figures subtracted from an aggregate
that holds them would give another provider's figures away."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from impact.figures import provider_results
from providers.models import Provider
from tests.factories import EDITION_START, ActivityFactory, ProviderFactory, local

pytestmark = pytest.mark.django_db


def test_with_one_other_provider_of_its_kind_there_is_no_comparison(client, known):
    # Harmonie Eendracht (16 participants, 16 booked) and Dansclub Swing (7 came of 10 booked)
    # are the only associations: an aggregate of "the others" would be Swing's own figures.
    p1 = known["providers"][0]
    assert provider_results(known["edition"], p1).kind is None
    client.force_login(known["users"][0])
    with translation.override("en"):
        page = client.get(reverse("impact:provider_results"), {"editie": "2027"}).content.decode()
    assert ">16<" in page  # its own participants
    assert ">23<" not in page  # both associations together (23 − 16 = Swing's 7)
    assert ">26<" not in page  # both associations' places booked (26 − 16 = Swing's 10)
    assert "There is no comparison with other providers of your kind" in page


def test_with_five_other_providers_of_its_kind_their_aggregate_shows(client, known, clock):
    clock.move_to(local(EDITION_START - datetime.timedelta(days=7), 10))
    for n in range(4):  # with Dansclub Swing: five other associations
        ActivityFactory(
            edition=known["edition"],
            provider=ProviderFactory(name=f"Vereniging {n}", kind=Provider.Kind.ASSOCIATION),
        )
    results = provider_results(known["edition"], known["providers"][0])
    others = {figure.key: str(figure.now) for figure in results.kind}
    assert others["providers"] == "5"  # not counting Harmonie Eendracht itself
    assert others["activities"] == "5"
    assert others["booked"] == "10"  # Swing's 10, not 26 with its own 16
    client.force_login(known["users"][0])
    with translation.override("en"):
        page = client.get(reverse("impact:provider_results"), {"editie": "2027"}).content.decode()
    assert "Others: Amateur association" in page
    assert "There is no comparison" not in page
