"""Public share images: an activity's card (its page's og:image) and a campaign page's, made on
the first request and served from storage after that."""

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from agenda.models import Edition
from campaign.kit import content as kit_content
from campaign.kit.bundle import Kit, activities_for_kit, image_for
from campaign.models import CampaignPage
from campaign.views.kit import stored_file

# Crawlers ask again now and then; a change gives the page a new image address anyway.
MAX_AGE = 60 * 60


def _png(name_of) -> FileResponse:
    return stored_file(name_of, "image/png")


def _language() -> str:
    language = get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@require_safe
@cache_control(public=True, max_age=MAX_AGE)
def activity_share_image(request, slug, size):
    """A public activity's share image with its social-media link, in the page's language."""
    edition = Edition.objects.current_or_404()
    activity = get_object_or_404(activities_for_kit().public().in_edition(edition), slug=slug)
    return _png(lambda: Kit.for_activity(activity).image(size, _language()))


@require_safe
@cache_control(public=True, max_age=MAX_AGE)
def page_share_image(request, slug):
    """A published campaign page's 1200×630 share image (its og:image)."""
    edition = Edition.objects.current_or_404()
    page = get_object_or_404(
        CampaignPage.objects.published(timezone.now()).filter(edition=edition), slug=slug
    )
    page.edition = edition
    return _png(lambda: image_for(kit_content.for_page(page, _language()), "1200x630", "page"))
