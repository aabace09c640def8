"""Sign-up, inviting colleagues, and asking for a new password."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from providers.form_fields import EmailField
from providers.models import Provider, User
from providers.services import password_reset_request


class SignUpForm(forms.Form):
    organisation = forms.CharField(label=_("Name of your organisation"), max_length=120)
    # No kind chosen beforehand: "Choose…" until the volunteer picks one (a required choice).
    kind = forms.ChoiceField(
        label=_("What kind of organisation"),
        choices=[("", _("Choose…")), *Provider.Kind.choices],
    )
    first_name = forms.CharField(label=_("Your first name"), max_length=150)
    last_name = forms.CharField(label=_("Your last name"), max_length=150, required=False)
    email = EmailField(
        label=_("Your e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )

    # No "this address has an account" here: the answer is the same for every address, and the
    # owner of an existing account gets an e-mail that says so (providers.services).
    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            user = User(email=cleaned.get("email", ""), first_name=cleaned.get("first_name", ""))
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class LoginForm(auth_forms.AuthenticationForm):
    """Django's login form; the right password of an account whose address is not confirmed
    yet gets "confirm your e-mail first" (with a button to send the link again) instead of
    "wrong e-mail or password". A wrong password gets the usual answer, whatever the address."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "unconfirmed": _(
            "Confirm your e-mail address first: click the link in the e-mail we sent you when "
            "you signed up. No e-mail? Send the link again below."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unconfirmed = False

    def get_invalid_login_error(self):
        email = self.cleaned_data.get("username") or ""
        password = self.cleaned_data.get("password") or ""
        user = User.objects.filter(
            email__iexact=email, email_verified_at__isnull=True, is_active=False
        ).first()
        if user is not None and user.has_usable_password():
            right = user.check_password(password)
        else:
            User().set_password(password)  # the same work for every address
            right = False
        if right:
            self.unconfirmed = True
            return ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")
        return super().get_invalid_login_error()


class ResendForm(forms.Form):
    email = EmailField(
        label=_("Your e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def clean_email(self):
        return self.cleaned_data["email"].lower()


class InviteForm(forms.Form):
    email = EmailField(label=_("E-mail address of your colleague"))

    def clean_email(self):
        return self.cleaned_data["email"].lower()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with its e-mail through the outbox like every other, in the language of
    the page, and its link from SITE_URL (never from the Host header of the request).

    The request does the same for every address: it queues one e-mail that is written when it
    goes out, and only if the address has an account (providers.services.password_reset_request).
    """

    def save(self, **kwargs):
        password_reset_request(email=self.cleaned_data["email"], language=get_language())
