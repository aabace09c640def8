"""Moderating providers in the admin: approving or rejecting an organisation, and the
changes an approved one proposes to its public profile. Every decision tells their users."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from providers.models import ProviderRevision
from providers.services import (
    ProviderError,
    provider_approve,
    provider_reject,
    provider_revision_approve,
    provider_revision_diff,
    provider_revision_reject,
)


@admin.action(description=_("Approve selected providers"), permissions=["change"])
def approve_providers(modeladmin, request, queryset):
    for provider in queryset:
        provider_approve(provider=provider)
        modeladmin.log_change(request, provider, [{"changed": {"fields": ["status"]}}])
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d provider approved: it can publish. Its users get an e-mail.",
            "%(count)d providers approved: they can publish. Their users get an e-mail.",
            len(queryset),
        )
        % {"count": len(queryset)},
        messages.SUCCESS,
    )


@admin.action(description=_("Reject selected providers"), permissions=["change"])
def reject_providers(modeladmin, request, queryset):
    for provider in queryset:
        provider_reject(provider=provider)
        modeladmin.log_change(request, provider, [{"changed": {"fields": ["status"]}}])
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d provider rejected. Its users get an e-mail.",
            "%(count)d providers rejected. Their users get an e-mail.",
            len(queryset),
        )
        % {"count": len(queryset)},
        messages.SUCCESS,
    )


# --- proposed changes to an approved provider's public profile -----------------------------


class RevisionStateFilter(admin.SimpleListFilter):
    """The open proposed changes by default; the decided ones on request."""

    title = _("state")
    parameter_name = "shown"

    def lookups(self, request, model_admin):
        return [("all", _("All, also decided"))]

    def queryset(self, request, queryset):
        return queryset if self.value() == "all" else queryset.open()

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Waiting for review"),
        }
        yield {
            "selected": self.value() == "all",
            "query_string": changelist.get_query_string({self.parameter_name: "all"}),
            "display": _("All, also decided"),
        }


def changes_table(rows) -> str:
    """What a proposed change changes, field by field (rows of field, old, new): the table the
    moderators read, for an organisation's profile and an activity alike."""
    body = format_html_join(
        "",
        '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>',
        ((row["field"], row["old"], row["new"]) for row in rows),
    )
    return format_html(
        '<table><caption>{}</caption><thead><tr><th scope="col">{}</th>'
        '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
        _("What changes"),
        _("field"),
        _("now public"),
        _("proposed"),
        body,
    )


def diff_table(revision: ProviderRevision):
    return changes_table(provider_revision_diff(revision))


class RejectMessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the provider"),
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_("The provider gets this by e-mail and sees it in the portal."),
    )


def _decide(modeladmin, request, revisions, service, **kwargs) -> None:
    done = 0
    for revision in revisions:
        try:
            service(revision=revision, by=request.user, **kwargs)
        except ProviderError as error:
            modeladmin.message_user(
                request, f"{revision.provider}: {error.message}", messages.ERROR
            )
        else:
            done += 1
    if done:
        modeladmin.message_user(
            request,
            (
                ngettext(
                    "%(count)d profile change approved: it is public now. The provider gets "
                    "an e-mail.",
                    "%(count)d profile changes approved: they are public now. The providers "
                    "get an e-mail.",
                    done,
                )
                if service is provider_revision_approve
                else ngettext(
                    "%(count)d profile change rejected. The provider gets your reason by e-mail.",
                    "%(count)d profile changes rejected. The providers get your reason by e-mail.",
                    done,
                )
            )
            % {"count": done},
            messages.SUCCESS,
        )


def _confirm_page(modeladmin, request, revisions, action, title, form=None):
    return TemplateResponse(
        request,
        "admin/providers/revision_decide.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "items": [{"revision": r, "diff": diff_table(r)} for r in revisions],
            "form": form,
            "action_name": action,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


@admin.action(description=_("Approve the selected changes"), permissions=["change"])
def approve_revisions(modeladmin, request, queryset):
    """After a step that shows each change: a provider who edits again meanwhile replaces the
    revision, and approving the replaced one is refused, so what goes public was shown."""
    revisions = list(queryset.select_related("provider"))
    if "apply" in request.POST:
        _decide(modeladmin, request, revisions, provider_revision_approve)
        return None
    return _confirm_page(modeladmin, request, revisions, "approve_revisions", _("Approve"))


@admin.action(description=_("Reject the selected changes (with a reason)"), permissions=["change"])
def reject_revisions(modeladmin, request, queryset):
    revisions = list(queryset.select_related("provider"))
    form = RejectMessageForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        _decide(
            modeladmin,
            request,
            revisions,
            provider_revision_reject,
            message=form.cleaned_data["message"],
        )
        return None
    return _confirm_page(modeladmin, request, revisions, "reject_revisions", _("Reject"), form)


@admin.register(ProviderRevision)
class ProviderRevisionAdmin(admin.ModelAdmin):
    """The queue of proposed profile changes; decided through the actions only."""

    list_display = ["provider", "state", "created_at", "decided_by"]
    list_filter = [RevisionStateFilter]
    list_select_related = ["provider", "decided_by"]
    search_fields = ["provider__name"]
    ordering = ["created_at", "pk"]
    actions = [approve_revisions, reject_revisions]
    fields = ["provider", "state", "changes", "created_at", "decided_by", "message"]
    readonly_fields = fields

    @admin.display(description=_("proposed changes"))
    def changes(self, obj):
        return diff_table(obj)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
