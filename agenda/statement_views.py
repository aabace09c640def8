"""The statements a Dutch public site publishes: privacy, accessibility, colophon. Cached like
the other public pages (the Statement model is in the content fingerprint)."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

from agenda.caching import cache_public_page
from agenda.models import Statement


def _statement(kind: str) -> str:
    statement = Statement.objects.filter(kind=kind).first()
    return statement.localized_body() if statement else ""


@require_safe
@cache_public_page
def privacy(request):
    return render(
        request,
        "agenda/privacy.html",
        {
            "statement": _statement(Statement.Kind.PRIVACY),
            "retention_days": settings.RESERVATION_RETENTION_DAYS,
            "unverified_account_days": settings.UNVERIFIED_ACCOUNT_DAYS,
            "rejected_retention_days": settings.PROVIDER_REJECTED_RETENTION_DAYS,
            "login_record_days": settings.LOGIN_RECORD_RETENTION_DAYS,
            "session_hours": max(settings.SESSION_COOKIE_AGE // 3600, 1),
            "backup_days": settings.BACKUP_RETENTION_DAYS,
            "my_week3_days": settings.MY_WEEK3_LINK_DAYS,
            "referral_days": settings.REFERRAL_DAYS,
            "cookie": settings.REFERRAL_COOKIE,
            "followup_days": settings.FOLLOWUP_VALID_DAYS,
        },
    )


@require_safe
@cache_public_page
def accessibility(request):
    return render(
        request,
        "agenda/statement_accessibility.html",
        {"statement": _statement(Statement.Kind.ACCESSIBILITY), "site_url": settings.SITE_URL},
    )


@require_safe
@cache_public_page
def colophon(request):
    return render(
        request,
        "agenda/statement_colophon.html",
        {
            "statement": _statement(Statement.Kind.COLOPHON),
            "security_contact": settings.SECURITY_CONTACT,
        },
    )
