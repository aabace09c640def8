"""The one place the widgets' iframe code is written, for the promotion kit and the embed
screen alike: the same address, title, size and style everywhere."""

from django.conf import settings
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

# The frame: as wide as its column, tall enough for a few activities (it scrolls).
FRAME_HEIGHT = 600


def embed_code(path: str, title: str) -> dict:
    """The snippet for the widget at `path` (a site path): its path (for a preview), its
    title and the iframe code to copy."""
    src = settings.SITE_URL.rstrip("/") + path
    code = (
        f'<iframe src="{escape(src)}" title="{escape(title)}" width="100%" '
        f'height="{FRAME_HEIGHT}" loading="lazy" style="border:0"></iframe>'
    )
    return {"path": path, "title": title, "code": code}


def provider_embed(provider) -> dict:
    """The snippet for a provider's own widget, in the active language."""
    return embed_code(
        reverse("campaign:widget_provider", kwargs={"slug": provider.slug}),
        _("Activities of %(name)s at Week 3 Venlo") % {"name": provider.name},
    )
