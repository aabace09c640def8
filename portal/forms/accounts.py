"""Sign-up, inviting colleagues, and asking for a new password."""

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from outbox.services import mail_enqueue
from providers.models import Provider, User


class SignUpForm(forms.Form):
    organisation = forms.CharField(label=_("Name of your organisation"), max_length=120)
    kind = forms.ChoiceField(label=_("What kind of organisation"), choices=Provider.Kind.choices)
    first_name = forms.CharField(label=_("Your first name"), max_length=150)
    last_name = forms.CharField(label=_("Your last name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("There is already an account with this e-mail address. Log in instead."),
                code="taken",
            )
        return email

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


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of your colleague"))

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("This e-mail address already has an account on Week 3."), code="taken"
            )
        return email


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, with its e-mail through the outbox like every other, in the language of
    the page, and its link from SITE_URL (never from the Host header of the request)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        mail_enqueue(
            to=to_email,
            template="portal/email/password_reset",
            context={**context, "site_url": settings.SITE_URL},
            language=get_language(),
        )
