"""Staff pass a second factor (a TOTP code) before any /beheer/ page; providers never do."""

import datetime
import os
import subprocess
import sys

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN = "/beheer/"


@pytest.fixture
def required(settings):
    settings.STAFF_REQUIRE_2FA = True


@pytest.fixture
def staff(reference_data):
    return UserFactory(email="redactie@example.org", is_staff=True, is_superuser=True)


def code_for(device) -> str:
    # The frozen clock's code, as the app on the phone shows it now.
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)


def test_staff_without_an_app_cannot_open_the_admin(client, required, staff):
    client.force_login(staff)
    for path in [ADMIN, reverse("admin:agenda_activity_changelist")]:
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith(reverse("staff_otp_setup") + "?next=")


def test_enrolment_shows_the_key_and_a_right_code_opens_the_admin(client, clock, required, staff):
    client.force_login(staff)
    page = client.get(reverse("staff_otp_setup"), {"next": ADMIN})
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    # The key to type in by hand, in groups of four.
    assert page.context["secret"].replace(" ", "")[:8] in html.replace(" ", "")

    wrong = client.post(reverse("staff_otp_setup"), {"code": "000000", "next": ADMIN})
    assert wrong.status_code == 200 and "code" in wrong.context["form"].errors
    assert client.get(ADMIN).status_code == 302

    clock.shift(datetime.timedelta(seconds=2))  # django-otp's wait after a wrong code
    right = client.post(reverse("staff_otp_setup"), {"code": code_for(device), "next": ADMIN})
    assert right.status_code == 302 and right.url == ADMIN
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(ADMIN).status_code == 200


def test_staff_with_an_app_are_asked_for_a_code_after_the_password(client, clock, required, staff):
    device = confirmed_device(staff)
    login = client.post(
        reverse("admin:login"),
        {"username": staff.email, "password": "week3-test-password", "next": ADMIN},
    )
    assert login.status_code == 302
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response.url.startswith(reverse("staff_otp_verify"))
    # No second app with the password alone.
    setup = client.get(reverse("staff_otp_setup"))
    assert setup.url.startswith(reverse("staff_otp_verify"))
    assert TOTPDevice.objects.filter(user=staff).count() == 1

    page = client.get(response.url)
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()
    wrong = client.post(reverse("staff_otp_verify"), {"code": "123456", "next": ADMIN})
    assert wrong.status_code == 200 and "code" in wrong.context["form"].errors
    assert client.get(ADMIN).status_code == 302

    clock.shift(datetime.timedelta(seconds=2))  # django-otp's wait after a wrong code
    right = client.post(reverse("staff_otp_verify"), {"code": code_for(device), "next": ADMIN})
    assert right.status_code == 302 and right.url == ADMIN
    assert client.get(ADMIN).status_code == 200
    assert client.get(reverse("admin:agenda_activity_changelist")).status_code == 200


def test_a_code_is_good_once(client, required, staff):
    device = confirmed_device(staff)
    code = code_for(device)
    client.force_login(staff)
    assert client.post(reverse("staff_otp_verify"), {"code": code}).status_code == 302
    other = client.__class__()
    other.force_login(staff)
    again = other.post(reverse("staff_otp_verify"), {"code": code})
    assert again.status_code == 200
    assert other.get(ADMIN).status_code == 302


def test_wrong_codes_in_a_row_make_staff_wait(client, required, staff):
    device = confirmed_device(staff)
    client.force_login(staff)
    client.post(reverse("staff_otp_verify"), {"code": "111111"})
    response = client.post(reverse("staff_otp_verify"), {"code": code_for(device)})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert client.get(ADMIN).status_code == 302


def test_providers_are_never_asked(client, required, world_a):
    client.force_login(world_a["user"])
    assert client.get(reverse("portal:dashboard")).status_code == 200
    # In the admin a provider meets its login page, not the second factor.
    response = client.get(ADMIN)
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    assert client.get(reverse("staff_otp_verify")).url.startswith(reverse("admin:login"))
    assert not TOTPDevice.objects.exists()


def test_staff_may_log_out_before_the_second_step(client, required, staff):
    client.force_login(staff)
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_off_the_password_alone_opens_the_admin(client, settings, staff):
    settings.STAFF_REQUIRE_2FA = False
    client.post(
        reverse("admin:login"),
        {"username": staff.email, "password": "week3-test-password", "next": ADMIN},
    )
    assert client.get(ADMIN).status_code == 200


def test_the_next_address_stays_on_this_site(client, required, staff):
    device = confirmed_device(staff)
    client.force_login(staff)
    response = client.post(
        reverse("staff_otp_verify"), {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert response.url == ADMIN


@pytest.mark.parametrize(("debug", "required"), [("", "True"), ("1", "False")])
def test_required_by_default_unless_debug(debug, required):
    env = {**os.environ, "DEBUG": debug, "SECRET_KEY": "x" * 50}
    env.pop("STAFF_REQUIRE_2FA", None)
    shown = subprocess.run(
        [sys.executable, "-c", "import week3.settings as s; print(s.STAFF_REQUIRE_2FA)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == required
