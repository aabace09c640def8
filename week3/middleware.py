"""Site-wide middleware: the login pause (week3.login_throttle), the proxy-settings warning, and
the refusal of NUL characters and of admin actions for keys that cannot be."""

import logging

from django.conf import settings
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core.exceptions import BadRequest, ValidationError
from django.shortcuts import render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from week3.login_throttle import remember

logger = logging.getLogger("week3.proxy")

# What this process has warned about already: each at most once, not on every request.
_warned: set[str] = set()


def forwarded_for_warning(request) -> str | None:
    """Why this request's X-Forwarded-For does not fit TRUST_X_FORWARDED_FOR and
    TRUSTED_PROXY_COUNT, or None when it fits (or there is none)."""
    hops = _hops(request)
    if not hops:
        return None
    if not settings.TRUST_X_FORWARDED_FOR:
        return "untrusted"
    if hops < _trusted():
        return "fewer"
    if hops > _trusted():
        return "more"
    return None


def _hops(request) -> int:
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return len([hop for hop in header.split(",") if hop.strip()])


def _trusted() -> int:
    return max(settings.TRUSTED_PROXY_COUNT, 1)


MESSAGES = {
    "untrusted": (
        "Requests carry X-Forwarded-For but TRUST_X_FORWARDED_FOR is off: every client then has "
        "the proxy's address (REMOTE_ADDR %(remote)s), so rate limits and the login lockout hit "
        "everyone at once. Behind your own proxies set TRUST_X_FORWARDED_FOR=1 and "
        "TRUSTED_PROXY_COUNT to their number."
    ),
    "fewer": (
        "X-Forwarded-For entries: %(hops)d, TRUSTED_PROXY_COUNT: %(count)d. Such "
        "requests fall back to REMOTE_ADDR (%(remote)s). Lower TRUSTED_PROXY_COUNT if fewer "
        "proxies stand in front of the site."
    ),
    "more": (
        "X-Forwarded-For entries: %(hops)d, TRUSTED_PROXY_COUNT: %(count)d. The client "
        "is taken as the entry %(count)d from the right and the rest is ignored. That is right "
        "when the client (or its own proxy) wrote the extra entries; if more proxies of yours "
        "stand in front of the site, raise TRUSTED_PROXY_COUNT."
    ),
}


class ForwardedForWarningMiddleware:
    """Logs a warning (once per kind per process) when X-Forwarded-For shows the proxy settings
    (TRUST_X_FORWARDED_FOR, TRUSTED_PROXY_COUNT; agenda.ratelimit.client_ip) are off."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kind = forwarded_for_warning(request)
        if kind is not None and kind not in _warned:
            _warned.add(kind)
            logger.warning(
                MESSAGES[kind],
                {
                    "hops": _hops(request),
                    "count": _trusted(),
                    "remote": request.META.get("REMOTE_ADDR", ""),
                },
            )
        return self.get_response(request)


class Unreadable(BadRequest):
    """A request no page or form of the site sends (week3.views.bad_request answers it)."""


class NullCharacter(Unreadable):
    """A query string or form post with a NUL character."""


class UnreadableKey(Unreadable):
    """An admin action posted for an object key that no object of that kind can have."""


def _holds_nul(data) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in data.lists()
    )


class NullCharacterMiddleware:
    """Refuses a request whose query string or posted form fields hold a NUL character, with a
    400 page.

    PostgreSQL stores no NUL in a text, so such a value failed with a server error wherever a
    view filtered on it as given (a search box, an admin list filter, a posted slug). No person
    types one; Django's form fields refuse it too, each on its own. Files are not looked at: a
    photo may hold any byte."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _holds_nul(request.GET):
            raise NullCharacter("NUL in the query string")
        if request.method == "POST" and _holds_nul(request.POST):
            raise NullCharacter("NUL in a posted field")
        return self.get_response(request)


class AdminActionKeysMiddleware:
    """Refuses an admin action posted for keys that are not keys of the list's kind ("abc"
    where the keys are numbers), with a 400 page: the admin filters on them as given, and the
    database's refusal was a server error. The list's checkboxes only ever post real keys."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Django's ModelAdmin.get_urls marks each of its views with the ModelAdmin.
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is None or request.method != "POST":
            return None
        key = model_admin.model._meta.pk
        for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
            try:
                key.to_python(value)
            except ValidationError:
                raise UnreadableKey(f"admin action for the key {value[:40]!r}") from None
        return None


class LoginThrottleMiddleware:
    """Answers a login refused by the pause (week3.login_throttle) with a page that says why,
    and remembers the browser and address of a successful login or password reset as the
    account owner's, so a pause does not keep them out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST":
            # Logins and resets are posts. Reading the session on a GET would add
            # "Vary: Cookie" to every public page.
            return self.get_response(request)
        before = request.session.get(SESSION_KEY)
        response = self.get_response(request)
        if getattr(request, "login_paused", False):
            return render(request, "portal/login_paused.html", status=429)
        after = request.session.get(SESSION_KEY)
        if after is not None and after != before and request.user.is_authenticated:
            remember(request, response, request.user.get_username())
        elif username := _reset_by(request, response):
            remember(request, response, username)
        return response


def _reset_by(request, response) -> str | None:
    """The account whose password this request set through a reset link, if it did: the
    confirm view redirects only after a valid link and a valid new password."""
    match = request.resolver_match
    if match is None or match.url_name != "password_reset_confirm":
        return None
    if response.status_code != 302:
        return None
    try:
        pk = force_str(urlsafe_base64_decode(match.kwargs.get("uidb64", "")))
        user = get_user_model()._default_manager.filter(pk=pk).first()
    except (TypeError, ValueError, OverflowError):
        return None
    return user.get_username() if user is not None else None
