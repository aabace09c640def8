"""Campaign landing pages: saving one with its hero image."""

from django.db import transaction

from campaign.models import CampaignPage
from providers.images import delete_images_later, store_image


def hero_in_use(name: str) -> bool:
    return CampaignPage.objects.filter(hero_image=name).exists()


def campaign_page_save(*, page: CampaignPage, hero=None, remove_hero: bool = False):
    """Save a page (its `updated_at` renders its cached pages again). `hero`: a new image
    (an upload or the providers.images.CleanImage the form made of it), stored cleaned of all
    metadata in the usual widths; `remove_hero` takes the image away. A replaced image is
    deleted once nothing uses it."""
    with transaction.atomic():
        replaced = page.hero_image.name if (hero or remove_hero) else ""
        if hero:
            page.hero_image.name = store_image(hero, "campaign")
        elif remove_hero:
            page.hero_image.name = ""
        page.save()
        delete_images_later([replaced], in_use=hero_in_use)
    return page
