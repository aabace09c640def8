"""The provider-side invariants hold in the database, and the districts arrive with migrations."""

import pytest
from django.db import IntegrityError, transaction

from providers.models import District, PostcodeRange, Venue
from tests.factories import VenueFactory

pytestmark = pytest.mark.django_db


def test_migration_creates_venlo_districts_with_postcodes():
    names = set(District.objects.values_list("name", flat=True))
    assert {
        "Venlo-Centrum",
        "Blerick",
        "Tegelen",
        "Belfeld",
        "Steyl",
        "Arcen",
        "Velden",
        "Lomm",
    } <= names
    assert District.objects.filter(is_priority=True).count() >= 3
    assert not District.objects.filter(postcode_ranges__isnull=True).exists()


@pytest.mark.parametrize(
    ("postcode", "district"),
    [
        ("5911 AB", "Venlo-Centrum"),
        ("5921xx", "Blerick"),
        ("5925 CD", "Vastenavondkamp"),  # a priority neighbourhood nested inside Blerick
        ("5932", "Tegelen"),
    ],
)
def test_postcode_maps_to_the_narrowest_district(postcode, district):
    assert PostcodeRange.district_for(postcode).name == district


@pytest.mark.parametrize("postcode", ["1011AB", "", "abcdef", "59"])
def test_postcode_outside_venlo_has_no_district(postcode):
    assert PostcodeRange.district_for(postcode) is None


def test_postcode_range_must_be_ordered_and_complete():
    district = District.objects.get(slug="lomm")
    with pytest.raises(IntegrityError), transaction.atomic():
        PostcodeRange.objects.create(district=district, first="5943ZZ", last="5943AA")
    with pytest.raises(IntegrityError), transaction.atomic():
        PostcodeRange.objects.create(district=district, first="5943", last="5943ZZ")


def test_two_venues_cannot_share_an_address():
    VenueFactory(street="Parade 12", postcode="5911AB")
    with pytest.raises(IntegrityError), transaction.atomic():
        VenueFactory(street="parade 12", postcode="5911ab")
    assert Venue.objects.count() == 1
