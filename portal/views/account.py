"""Signing up an organisation, confirming the address, accepting an invitation."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from portal.forms.accounts import SignUpForm
from providers.services import provider_sign_up, user_activate, user_from_token


@sensitive_post_parameters("password", "email", "first_name", "last_name")
@never_cache
def sign_up(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        provider_sign_up(**form.cleaned_data, language=request.LANGUAGE_CODE)
        return render(request, "portal/signup_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "portal/signup.html", {"form": form})


@never_cache
def verify(request, uidb64, token):
    user = user_from_token(uidb64, token)
    if user is None:
        return render(request, "portal/link_invalid.html", status=400)
    user_activate(user=user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your e-mail address is confirmed. Welcome to Week 3!"))
    return redirect("portal:dashboard")


@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
def accept_invitation(request, uidb64, token):
    user = user_from_token(uidb64, token)
    if user is None:
        return render(request, "portal/link_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user_activate(
            user=user,
            password=form.cleaned_data["new_password1"],
            language=request.LANGUAGE_CODE,
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your password is set. Welcome to Week 3!"))
        return redirect("portal:dashboard")
    return render(request, "portal/invitation.html", {"form": form, "invitee": user})
