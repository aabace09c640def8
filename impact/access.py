"""Who may see what: the dashboard for staff of the redactie and beheer groups (and
superusers), a provider's results for that provider's users."""

from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache

from providers.access import provider_required

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


# A provider's results page: the provider screens' one login rule.
provider_view = provider_required
