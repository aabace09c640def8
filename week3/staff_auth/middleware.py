"""Staff reach /beheer/ only with a verified second factor when STAFF_REQUIRE_2FA is on."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from week3.staff_auth.services import staff_has_device


class StaffTwoFactorMiddleware:
    """After django-otp's OTPMiddleware: a staff user whose session is not verified with a code
    is sent to enter one, or to set up an authenticator app first. Only the admin's own pages
    are guarded; providers (not staff) never see this."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.STAFF_REQUIRE_2FA and request.path.startswith(reverse("admin:index")):
            response = self._second_factor(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _second_factor(self, request):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return None  # the admin's own login page handles the rest
        if user.is_verified():
            return None
        if request.path in {
            reverse("admin:logout"),
            reverse("staff_otp_verify"),
            reverse("staff_otp_setup"),
        }:
            return None
        target = "staff_otp_verify" if staff_has_device(user) else "staff_otp_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
