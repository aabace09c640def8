"""The staff's second step after the password: set up an authenticator app, or enter its code."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from week3.staff_auth.services import (
    staff_device_confirm,
    staff_device_enrol,
    staff_device_throttled,
    staff_device_verify,
    staff_has_device,
)

WRONG_CODE = _("That code is not right. Check the time on your phone and try again.")
# django-otp makes every wrong code double the wait before the next try (1 s, 2 s, 4 s …).
TOO_MANY = _("Too many wrong codes. Wait a moment, then try again.")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits. A new code appears every 30 seconds."),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def _next_url(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("admin:index")


def _is_staff(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


def _verified(request, device):
    otp_login(request, device)
    # A new session key for the verified session: one seen before the code is worth nothing.
    request.session.cycle_key()
    return redirect(_next_url(request))


def _secret_in_groups(device) -> str:
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code")
def otp_setup(request):
    """Enrolment: scan the QR code (or type the secret), then confirm with the first code."""
    if not _is_staff(request.user):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if staff_has_device(request.user):
        # A second app only with the first: whoever has the password alone cannot add one.
        return redirect(f"{reverse('staff_otp_verify')}?{request.GET.urlencode()}")
    device = staff_device_enrol(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error(None, TOO_MANY)
        elif staff_device_confirm(device=device, token=form.cleaned_data["code"]):
            device.refresh_from_db()
            messages.success(request, _("Your authenticator app is set up."))
            return _verified(request, device)
        else:
            form.add_error("code", WRONG_CODE)
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "staff/otp_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_code": qr.svg_data_uri(scale=5, border=2),
            "secret": _secret_in_groups(device),
        },
    )


@never_cache
@sensitive_post_parameters("code")
def otp_verify(request):
    """The second step of every staff login: a code from the app set up before."""
    if not _is_staff(request.user):
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not staff_has_device(request.user):
        return redirect(f"{reverse('staff_otp_setup')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if staff_device_throttled(user=request.user):
            form.add_error(None, TOO_MANY)
        else:
            device = staff_device_verify(user=request.user, token=form.cleaned_data["code"])
            if device is not None:
                return _verified(request, device)
            form.add_error("code", WRONG_CODE)
    return render(request, "staff/otp_verify.html", {"form": form, "next": _next_url(request)})
