"""The kit and the embed screen hand out the very same iframe code for a provider's widget."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def codes(html: str) -> set[str]:
    return {
        unescape(code)
        for code in re.findall(r"<textarea[^>]*>(.*?)</textarea>", html, re.S)
        if "/widget/" in code
    }


def test_the_kit_and_the_embed_screen_give_the_same_widget_code(client, agenda):
    provider = agenda["choir"].provider
    client.force_login(UserFactory(provider=provider))
    kit = codes(client.get(reverse("campaign_portal:kit")).content.decode())
    embed = codes(client.get(reverse("campaign_portal:embed")).content.decode())
    expected = (
        f'<iframe src="https://week3.example.org/widget/{provider.slug}/" '
        f'title="Activiteiten van {provider.name} in Week 3 Venlo" width="100%" height="600" '
        'loading="lazy" style="border:0"></iframe>'
    )
    assert kit == {expected}
    assert expected in embed
