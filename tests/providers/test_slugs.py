"""A provider's slug is its address: unique, and never one of the words the site's own
addresses use in the same place."""

import pytest
from django.urls import resolve

from providers.models import Provider
from providers.services.accounts import provider_sign_up

pytestmark = pytest.mark.django_db


def sign_up(organisation: str, email: str) -> Provider:
    provider_sign_up(
        organisation=organisation,
        kind="association",
        email=email,
        password="a-long-enough-secret-42",
        first_name="Anna",
        last_name="",
    )
    return Provider.objects.get(contact_email=email)


def test_an_organisation_called_agenda_keeps_a_widget_of_its_own(reference_data):
    agenda = sign_up("Agenda", "agenda@example.org")
    campagne = sign_up("Campagne!", "campagne@example.org")
    assert (agenda.slug, campagne.slug) == ("agenda-2", "campagne-2")
    assert resolve(f"/widget/{agenda.slug}/").url_name == "widget_provider"
    assert sign_up("Agenda", "agenda2@example.org").slug == "agenda-3"
