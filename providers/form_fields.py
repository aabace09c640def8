"""Form fields shared by the portal's and the public site's forms."""

from django import forms

# What the database keeps of an address (Django's models.EmailField: User.email, the
# reservation's, the outbox's `to`). Django's form field takes up to 320 characters.
EMAIL_MAX_LENGTH = 254


class EmailField(forms.EmailField):
    """An e-mail address no longer than its column: a longer one (255–320 characters) passed
    the form and failed in the database with a server error."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", EMAIL_MAX_LENGTH)
        super().__init__(**kwargs)
