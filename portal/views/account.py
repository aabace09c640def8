"""Signing up an organisation, confirming the address, accepting an invitation, asking for a
new password. Each answers the same whether or not the address has an account, and each is
throttled per client and per address asked for."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from agenda.ratelimit import client_ip, hit
from portal.forms.accounts import LoginForm, PasswordResetForm, ResendForm, SignUpForm
from providers.services import (
    provider_sign_up,
    user_accept_invitation,
    user_from_token,
    user_verify,
    verification_resend_request,
)
from providers.tokens import invitation_tokens, password_reset_tokens, verification_tokens

TOO_MANY = gettext_lazy(
    "That was a lot of requests in a short time. Wait a while (an hour at most) and try again."
)


def throttled(request, scope: str, email: str) -> bool:
    """Count an attempt at `scope` from this client and for this address; True when either
    went over its limit (ACCOUNT_RATE_LIMIT_IP, ACCOUNT_RATE_LIMIT_ADDRESS)."""
    over_ip = hit(f"{scope}:ip", client_ip(request), settings.ACCOUNT_RATE_LIMIT_IP)
    over_address = hit(f"{scope}:address", email, settings.ACCOUNT_RATE_LIMIT_ADDRESS)
    return over_ip or over_address


def _log_in(request, user):
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")


@sensitive_post_parameters("password", "email", "first_name", "last_name")
@never_cache
def sign_up(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if throttled(request, "sign-up", form.cleaned_data["email"]):
            form.add_error(None, TOO_MANY)
            return render(request, "portal/signup.html", {"form": form}, status=429)
        provider_sign_up(**form.cleaned_data, language=request.LANGUAGE_CODE)
        return render(request, "portal/signup_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "portal/signup.html", {"form": form})


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request, uidb64, token):
    """The link in the sign-up e-mail: a page with a button; only its POST confirms (a mail
    scanner that opens links confirms nothing)."""
    user = user_from_token(uidb64, token, verification_tokens)
    if user is None or user.email_confirmed:
        return render(request, "portal/link_invalid.html", status=400)
    if request.method == "POST":
        if not user_verify(user=user):
            return render(request, "portal/link_invalid.html", status=400)
        _log_in(request, user)
        messages.success(request, _("Your e-mail address is confirmed. Welcome to Week 3!"))
        return redirect("portal:dashboard")
    return render(request, "portal/verify_confirm.html")


class LoginView(auth_views.LoginView):
    """Django's login; an unconfirmed account with the right password is told to confirm its
    address first, next to a button that sends the link again (portal.forms.LoginForm)."""

    authentication_form = LoginForm
    template_name = "portal/login.html"
    redirect_authenticated_user = True


@sensitive_post_parameters("email")
@never_cache
@require_http_methods(["GET", "POST"])
def verify_resend(request):
    """Send the confirmation link again. The same answer for every address (the e-mail is
    written when it goes out, and only to an account nobody confirmed yet); throttled."""
    form = ResendForm(request.POST or None, initial={"email": request.GET.get("email", "")})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if throttled(request, "verify-resend", email):
            form.add_error(None, TOO_MANY)
            return render(request, "portal/verify_resend.html", {"form": form}, status=429)
        verification_resend_request(email=email, language=request.LANGUAGE_CODE)
        return redirect("portal:password_reset_done")
    return render(request, "portal/verify_resend.html", {"form": form})


@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
def accept_invitation(request, uidb64, token):
    user = user_from_token(uidb64, token, invitation_tokens)
    if user is None or user.email_confirmed:
        return render(request, "portal/link_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted = user_accept_invitation(
            user=user,
            password=form.cleaned_data["new_password1"],
            language=request.LANGUAGE_CODE,
        )
        if not accepted:
            return render(request, "portal/link_invalid.html", status=400)
        _log_in(request, user)
        messages.success(request, _("Your password is set. Welcome to Week 3!"))
        return redirect("portal:dashboard")
    return render(request, "portal/invitation.html", {"form": form, "invitee": user})


@method_decorator(sensitive_post_parameters("email"), name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "portal/password_reset_form.html"
    success_url = reverse_lazy("portal:password_reset_done")

    def form_valid(self, form):
        if throttled(self.request, "password-reset", form.cleaned_data["email"]):
            form.add_error(None, TOO_MANY)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's, with the tokens made for resetting only (providers.tokens)."""

    token_generator = password_reset_tokens
    template_name = "portal/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password_reset_complete")
