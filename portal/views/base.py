"""What every portal screen shares: the login check, the edition providers work on, POST-only
actions."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.views.decorators.cache import never_cache

from agenda.models import Edition


def portal_view(view):
    """Logged in, acting for a provider, never cached."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.provider_id:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def portal_edition() -> Edition:
    """The edition providers work on now: the latest one, published or not yet."""
    edition = Edition.objects.for_portal()
    if edition is None:
        raise Http404("No edition yet")
    return edition


def post_only(request):
    """Ownership is checked before the method, so another provider's object is a 404 always."""
    if request.method != "POST":
        raise Http404("POST only")
