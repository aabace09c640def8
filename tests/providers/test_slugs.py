"""A provider's slug is its address: unique, and never one of the words the site's own
addresses use in the same place."""

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.urls import resolve

from providers.models import Provider
from tests.factories import sign_up

pytestmark = pytest.mark.django_db


def signed_up(organisation: str, email: str) -> Provider:
    return sign_up(organisation, email).provider


def test_an_organisation_called_agenda_keeps_a_widget_of_its_own(reference_data):
    agenda = signed_up("Agenda", "agenda@example.org")
    campagne = signed_up("Campagne!", "campagne@example.org")
    assert (agenda.slug, campagne.slug) == ("agenda-2", "campagne-2")
    assert resolve(f"/widget/{agenda.slug}/").url_name == "widget_provider"
    assert signed_up("Agenda", "agenda2@example.org").slug == "agenda-3"


def test_staff_cannot_give_a_provider_a_reserved_slug(reference_data, rf, admin_user):
    """The admin's form validates the slug like the model does: "agenda" is refused."""
    provider = signed_up("Harmonie", "harmonie@example.org")
    request = rf.get("/")
    request.user = admin_user
    model_admin = admin.site._registry[Provider]
    form_class = model_admin.get_form(request, provider)
    data = model_to_dict(provider, fields=form_class.base_fields)
    data["slug"] = "Agenda"
    form = form_class(data=data, instance=provider)
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["slug"]] == ["reserved"]
    assert "eigen adressen" in str(form.errors["slug"])  # in Dutch, the site's language
    with pytest.raises(ValidationError):
        provider.slug = "campagne"
        provider.full_clean()
