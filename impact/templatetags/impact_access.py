"""For the admin's start page: whether to offer the impact dashboard to this member of staff."""

from django import template

from impact.access import may_see_dashboard as _may_see_dashboard

register = template.Library()


@register.filter
def may_see_dashboard(user) -> bool:
    return _may_see_dashboard(user)
