"""The tracked link itself: /r/<code> sends the visitor on, in their language, and counts the
visit once per browser per day (agenda.referral: the cookie; campaign.services.visits: the
buffered count). An unknown code gets a friendly page that points to the agenda."""

import re

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from agenda.referral import Referral, read_referral, remember_referral
from campaign.services.visits import link_visit_record
from campaign.targets import Target, link_target

# Crawlers, link previews (chat apps unfurling a shared link) and scripts: not visitors.
NOT_A_VISITOR = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|whatsapp|telegram|embedly|"
    r"curl|wget|python|http-client|okhttp|libwww|java/",
    re.IGNORECASE,
)


def _is_visitor(request) -> bool:
    agent = request.headers.get("User-Agent", "")
    return request.method == "GET" and bool(agent) and not NOT_A_VISITOR.search(agent)


def _count(request, response, link: Target) -> None:
    today = timezone.localdate()
    referral = read_referral(request)
    seen = referral.seen if referral and referral.day == today else []
    if link.code not in seen:
        link_visit_record(link_id=link.link_id, day=today)
        seen = [*seen, link.code]
    remember_referral(
        response,
        Referral(day=today, code=link.code, seen=seen),
        secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
    )


@never_cache
@require_safe
def follow(request, code):
    language = translation.get_language_from_request(request)
    link = link_target(code)
    if link is None:
        with translation.override(language):
            response = render(request, "campaign/link_not_found.html", status=404)
    else:
        response = redirect(link.urls.get(language) or link.urls[settings.LANGUAGE_CODE])
    if link is not None and _is_visitor(request):
        _count(request, response, link)
    # Never the same answer for another browser or language: no shared cache may keep it.
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response
