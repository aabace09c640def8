"""The tracked link itself: /r/<code> sends the visitor on, in their language."""

from django.shortcuts import get_object_or_404, redirect
from django.utils import translation

from campaign.models import TrackedLink


def follow(request, code):
    link = get_object_or_404(
        TrackedLink.objects.select_related("activity", "target_provider", "page"), code=code
    )
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return redirect(link.target_url())
