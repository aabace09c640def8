"""Waiting parties larger than their whole session, left on the list by earlier versions.

Since then a capacity cut ends such a wait and tells the party (agenda.reservations._promote),
so `places_waiting` alone says whether a newcomer must wait. This brings existing sessions that
have not started in line: the wait ends with the same e-mail, the places freed in line go to
whoever waits behind, in order, and the counters are summed again.
"""

from django.db import migrations
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone

WRITER = "agenda.reservation"  # agenda.reservations.MAIL_WRITER


def _tell(OutgoingMail, reservation, kind, **params):
    if reservation.email:  # blank once the personal data is removed
        OutgoingMail.objects.create(
            to=reservation.email,
            writer=WRITER,
            params={"reservation": reservation.pk, "kind": kind, "calendar": None, **params},
        )


def forwards(apps, schema_editor):
    Reservation = apps.get_model("agenda", "Reservation")
    Session = apps.get_model("agenda", "Session")
    OutgoingMail = apps.get_model("providers", "OutgoingMail")
    too_large = Reservation.objects.filter(
        session=OuterRef("pk"), state="waiting", party_size__gt=OuterRef("capacity")
    )
    sessions = Session.objects.filter(
        Exists(too_large), is_cancelled=False, starts_at__gt=timezone.now()
    )
    for session in sessions.select_for_update(of=("self",)):
        line = session.reservations.filter(state="waiting").order_by("created_at", "pk")
        booked = session.reservations.filter(state="confirmed").aggregate(s=Sum("party_size"))
        free = session.capacity - (booked["s"] or 0)
        for waiting in line:
            if waiting.party_size > session.capacity:
                waiting.state = "cancelled"
                waiting.save(update_fields=["state", "updated_at"])
                _tell(OutgoingMail, waiting, "waiting_party_too_large", capacity=session.capacity)
            elif waiting.party_size <= free:
                free -= waiting.party_size
                waiting.state = "confirmed"
                waiting.save(update_fields=["state", "updated_at"])
                _tell(OutgoingMail, waiting, "reservation_promoted", calendar="event")
            else:
                free = -1  # first in, first served: nobody behind them goes ahead
        sums = {
            state: session.reservations.filter(state=state).aggregate(s=Sum("party_size"))["s"]
            for state in ("confirmed", "waiting")
        }
        Session.objects.filter(pk=session.pk).update(
            places_booked=sums["confirmed"] or 0, places_waiting=sums["waiting"] or 0
        )


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0012_decision_retract"),
        ("providers", "0009_outgoingmail_written_later"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
