"""Who may see what: the dashboard for staff of the redactie and beheer groups (and
superusers), a provider's results for that provider's users."""

from functools import wraps

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache

STAFF_GROUPS = ("redactie", "beheer")


def may_see_dashboard(user) -> bool:
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(name__in=STAFF_GROUPS).exists()


def staff_view(view):
    """Under /beheer/: the admin's login (and second factor, week3.staff_auth) first, then the
    groups; never cached."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not may_see_dashboard(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return admin.site.admin_view(never_cache(wrapper))


def provider_view(view):
    """Logged in, acting for a provider, never cached (like the portal's own screens)."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.provider_id:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
