"""The campaign's landing pages where other pages link to them (the home page)."""

from django import template
from django.utils import timezone

from campaign.models import CampaignPage

register = template.Library()


@register.inclusion_tag("campaign/partials/_page_links.html", takes_context=True)
def campaign_pages(context):
    """Links to the current edition's published landing pages, in their order: one query.
    The pages that show them are cached; a page's edit or window changes their fingerprint
    (campaign.apps)."""
    edition = context.get("edition")
    pages = []
    if edition is not None:
        pages = list(
            CampaignPage.objects.published(timezone.now())
            .filter(edition=edition)
            .only("slug", "title", "title_en", "title_de", "intro", "intro_en", "intro_de")
        )
    return {"pages": pages}
