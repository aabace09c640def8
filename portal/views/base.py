"""What every portal screen shares: the login check, the edition providers work on, POST-only
actions."""

from django.http import Http404

from agenda.models import Edition
from providers.access import provider_required

# Logged in, acting for a provider, never cached (shared with the campaign's screens).
portal_view = provider_required


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
