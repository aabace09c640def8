"""Admin actions for moderating providers: approving or rejecting tells their users."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from providers.services import provider_approve, provider_reject


@admin.action(description=_("Approve selected providers"), permissions=["change"])
def approve_providers(modeladmin, request, queryset):
    for provider in queryset:
        provider_approve(provider=provider)
        modeladmin.log_change(request, provider, [{"changed": {"fields": ["status"]}}])
    modeladmin.message_user(
        request,
        ngettext("%(count)d provider approved.", "%(count)d providers approved.", len(queryset))
        % {"count": len(queryset)},
        messages.SUCCESS,
    )


@admin.action(description=_("Reject selected providers"), permissions=["change"])
def reject_providers(modeladmin, request, queryset):
    for provider in queryset:
        provider_reject(provider=provider)
        modeladmin.log_change(request, provider, [{"changed": {"fields": ["status"]}}])
    modeladmin.message_user(request, _("Rejected."), messages.SUCCESS)
