"""The conversions of one activity: how many participants went on after the trial."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms.activities import mark_required


def _count(**kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=0,
        max_value=100000,
        widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        **kwargs,
    )


class OutcomeForm(forms.Form):
    """The service (agenda.services.outcomes) checks the figures against the participants."""

    joined = _count(
        label=_("Joined as member or student"),
        help_text=_("Participants who became a member, pupil or student."),
    )
    course_signups = _count(
        label=_("Signed up for a course"),
        help_text=_("Participants who signed up for a course or series of lessons."),
    )
    still_there = _count(
        label=_("Still there after three months (optional)"),
        help_text=_("Of those who went on, how many still come. Fill it in later if you like."),
        required=False,
    )

    def __init__(self, *args, activity, **kwargs):
        outcome = getattr(activity, "outcome", None)
        if outcome is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "joined": outcome.joined,
                "course_signups": outcome.course_signups,
                "still_there": outcome.still_there_after_three_months,
            }
        super().__init__(*args, prefix=f"activity-{activity.pk}", **kwargs)
        mark_required(self)
