"""The follow-up question behind the one-time link in the e-mail after a session.

No login: the link is the key. Never cached (a CSRF token, one visitor's question), and kept
out of search engines.
"""

import contextlib

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agenda import ratelimit
from agenda.forms import FollowUpForm
from agenda.models import FollowUp
from agenda.services.followups import FollowUpError, followup_answer


def _page(request, followup, state: str, form=None, status: int = 200):
    response = render(
        request,
        "agenda/followup_detail.html",
        {
            "followup": followup,
            "activity": followup.session.activity if followup else None,
            "session": followup.session if followup else None,
            "state": state,
            "form": form,
            "thanks": "bedankt" in request.GET,
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def followup(request, token):
    followup = (
        FollowUp.objects.select_related("session__activity__provider")
        .exclude(token="")
        .filter(token=token)
        .first()
    )
    if followup is None:
        return _page(request, None, "unknown", status=404)
    if followup.is_answered:
        return _page(request, followup, "answered")
    if followup.is_expired:
        return _page(request, followup, "expired", status=410)
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        limited = ratelimit.hit_each(
            {"followup-ip": ratelimit.client_key(request), "followup-token": token},
            settings.FOLLOWUP_RATE_LIMIT,
        )
        if limited:
            form.add_error(
                None, _("You sent an answer many times in a short while. Try again later.")
            )
            status = 429
        elif form.is_valid():
            # Answered or expired meanwhile: the page it goes to says which.
            with contextlib.suppress(FollowUpError):
                followup_answer(followup=followup, **form.cleaned_data)
            return redirect(request.path + "?bedankt=1")
        else:
            status = 400
    return _page(request, followup, "open", form=form, status=status)
