"""The moderators' review page in real Chromium: approving a change takes one click after
opening it, the page says whom it e-mails, the queue fits 1280 px, and axe finds nothing."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Permission
from django.urls import reverse

from agenda.models import Activity, ActivityState
from providers.models import Provider
from tests.factories import ActivityFactory, ProviderFactory, UserFactory
from tests.helpers import WCAG_21_AA, moved_change, submitted

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "week3-test-password"


@pytest.fixture
def moderator(reference_data):
    """A staff member with the moderators' rights (the "redactie" group's, given directly:
    transactional tests flush the group its migration made)."""
    user = UserFactory(email="redactie@example.org", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            codename__in=[
                f"{action}_{model}"
                for action in ("view", "change")
                for model in ("activity", "submittedactivity", "provider", "pendingprovider")
            ]
        )
    )
    return user


@pytest.fixture
def desk(browser, live_server, moderator):
    """A desktop-sized page (1280 × 800), logged in to the admin as the moderator, that
    counts the clicks made on it."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server.url}/beheer/login/")
    page.fill("[name=username]", moderator.email)
    page.fill("[name=password]", PASSWORD)
    page.click("[type=submit]")
    assert page.url == f"{live_server.url}/beheer/"
    page.clicks = 0
    page.expose_function("countClick", lambda: setattr(page, "clicks", page.clicks + 1))
    page.add_init_script("document.addEventListener('click', () => window.countClick(), true)")
    page.site = live_server.url
    yield page
    context.close()


def test_a_moderator_approves_a_change_in_at_most_two_clicks(desk, world_a, moderator):
    activity, _ = moved_change(world_a, moderator)
    desk.goto(desk.site + reverse("admin:agenda_submittedactivity_review", args=[activity.pk]))
    consequences = desk.locator(".review-consequences").inner_text()
    assert "9 mensen met 16 plekken krijgen een e-mail over de nieuwe tijd of plek." in (
        consequences
    )
    assert desk.locator("ins", has_text="Zing mee met het hele koor.").is_visible()
    desk.get_by_role("button", name="Goedkeuren").click()
    desk.wait_for_load_state()
    assert desk.clicks <= 2
    assert "is goedgekeurd" in desk.locator(".messagelist").inner_text()
    activity.refresh_from_db()
    assert activity.description == "Zing mee met het hele koor."
    assert not activity.revisions.open().exists()
    # Live: the public page shows the new text.
    desk.goto(desk.site + activity.get_absolute_url())
    assert "Zing mee met het hele koor." in desk.locator("main").inner_text()


def test_ask_for_changes_with_a_message_then_on_to_the_next(desk, world_a, world_b):
    first, second = submitted(world_a), submitted(world_b)
    desk.goto(desk.site + reverse("admin:agenda_submittedactivity_review", args=[first.pk]))
    desk.get_by_role("button", name="Aanpassingen vragen").click()
    assert desk.get_by_role("alert").is_visible()  # a message is needed
    desk.get_by_label("Bericht aan de aanbieder").fill("Voeg een foto toe.")
    desk.get_by_role("button", name="Aanpassingen vragen").click()
    assert desk.url.endswith(reverse("admin:agenda_submittedactivity_review", args=[second.pk]))
    assert Activity.objects.get(pk=first.pk).state == ActivityState.CHANGES_REQUESTED
    desk.get_by_label("Bericht aan de aanbieder").fill("Dit past niet in Week 3.")
    desk.get_by_role("button", name="Afwijzen").click()
    assert Activity.objects.get(pk=second.pk).state == ActivityState.REJECTED
    assert "Er wacht niets meer" in desk.locator(".messagelist").inner_text()


def _fits(page) -> bool:
    """Nothing scrolls sideways: not the page, and not the list inside it."""
    return page.evaluate(
        "document.scrollingElement.scrollWidth <= 1280 && [...document.querySelectorAll"
        "('.results')].every(box => box.scrollWidth <= box.clientWidth)"
    )


def test_queues_fit_1280_px(desk, world_a, world_b, moderator):
    """No sideways scrolling on a 1280 px screen, beside the menu and the filters, with the
    long titles, names and addresses real providers write."""
    moved_change(world_a, moderator)
    Activity.objects.filter(pk=world_b["activity"].pk).update(
        title="Open repetitie van het Venloos Mannenkoor met koffie, vlaai en een rondleiding"
    )
    Provider.objects.filter(pk=world_b["provider"].pk).update(
        name="Stichting Cultuur in de Wijk Hout-Blerick en Boekend"
    )
    submitted(world_b)
    ProviderFactory(
        name="Stichting Cultuur in de Wijk Hout-Blerick en Boekend",
        kind=Provider.Kind.COMMUNITY_CENTRE,
        status=Provider.Status.PENDING,
        contact_name="Els Janssen-van den Broek",
        contact_email="els.janssen.voorzitter@stichting-cultuur-in-de-wijk.example.org",
    )
    desk.goto(desk.site + reverse("admin:agenda_submittedactivity_changelist"))
    assert desk.locator("#result_list tbody tr").count() == 2
    assert _fits(desk)
    assert desk.locator("#result_list").get_by_text("Wijziging wacht").is_visible()
    desk.goto(desk.site + reverse("admin:providers_pendingprovider_changelist"))
    assert desk.locator("#result_list tbody tr").count() == 1
    assert _fits(desk)


def test_review_pages_pass_axe(desk, world_a, world_b, moderator, edition):
    activity, _ = moved_change(world_a, moderator)
    Activity.objects.filter(pk=world_b["activity"].pk).update(
        title="Open repetitie van het Venloos Mannenkoor met koffie, vlaai en een rondleiding"
    )
    submitted(world_b)
    provider = ProviderFactory(
        name="Stichting Cultuur in de Wijk Hout-Blerick en Boekend",
        status=Provider.Status.PENDING,
        contact_name="Els Janssen",
        contact_email="els.janssen.voorzitter@stichting-cultuur-in-de-wijk.example.org",
    )
    ActivityFactory(provider=provider, edition=edition, state="draft", title="Verhalenavond")
    axe = Axe()
    failures = {}
    pages = {
        "queue": reverse("admin:agenda_submittedactivity_changelist"),
        "review of a change": reverse("admin:agenda_submittedactivity_review", args=[activity.pk]),
        "review of a new activity": reverse(
            "admin:agenda_submittedactivity_review", args=[world_b["activity"].pk]
        ),
        "organisation queue": reverse("admin:providers_pendingprovider_changelist"),
        "organisation review": reverse(
            "admin:providers_pendingprovider_review", args=[provider.pk]
        ),
    }
    for name, url in pages.items():
        desk.goto(desk.site + url)
        assert _fits(desk), name
        result = axe.run(desk, options=WCAG_21_AA)
        if result.violations_count:
            failures[name] = result.generate_report()
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())
