"""A second factor for staff: a TOTP code from an authenticator app before any /beheer/ page.

`middleware` sends staff without a verified session to `views` (enrol or enter a code);
`services` holds the writes on the TOTP devices (django-otp). Providers are never asked.
"""
