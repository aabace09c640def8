"""Writes on staff TOTP devices (django-otp): start an enrolment, confirm it with a code."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator"


def staff_has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def staff_device_enrol(*, user) -> TOTPDevice:
    """The device this user is enrolling: the unconfirmed one they have, or a new one.

    The same secret on every visit, so reloading the page does not break a scan already made.
    """
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
        return device


def staff_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    """Confirm an enrolment with a code from the app; False when the code is wrong."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(token):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
        return True


def staff_device_verify(*, user, token: str) -> TOTPDevice | None:
    """The confirmed device that accepts this code, or None (django-otp throttles misses)."""
    with transaction.atomic():
        for device in TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(token):
                return device
    return None


def staff_device_throttled(*, user) -> bool:
    """True while every confirmed device waits out django-otp's backoff after wrong codes."""
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    return bool(devices) and not any(device.verify_is_allowed()[0] for device in devices)
