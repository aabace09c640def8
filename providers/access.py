"""The one login rule of the provider's screens (portal and campaign alike): logged in, acting
for a provider (else 403), never cached."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache


def provider_required(view):
    """Logged in, acting for a provider, never cached."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.provider_id:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
