"""Ready-to-copy texts for social media, a newsletter and a WhatsApp message, in one language,
written from the kit's content (templates/campaign/kit/texts/)."""

from django.template.loader import render_to_string
from django.utils.translation import override

from campaign.kit.content import KitContent

KINDS = ("social", "newsletter", "whatsapp")


def kit_text(kind: str, content: KitContent, *, activity: bool) -> str:
    with override(content.language):
        text = render_to_string(
            f"campaign/kit/texts/{kind}.txt", {"c": content, "activity": activity}
        )
    return text.strip() + "\n"
