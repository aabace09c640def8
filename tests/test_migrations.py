"""Migrations move data, never lose it.

A database filled by seed_demo under the schema before the outbox moved to its own app migrates
to today's schema with every row in place.
"""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from agenda.models import Activity, Reservation, Session
from outbox.models import OutgoingMail
from outbox.services import mail_enqueue_written_later
from providers.models import Provider, User, Venue

# The last migrations before the outbox left the providers app.
BEFORE_THE_MOVE = [("outbox", None), ("providers", "0009_outgoingmail_written_later")]
COUNTED = [Provider, User, Venue, Activity, Session, Reservation, OutgoingMail, Group]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def add_newer_columns():
    """Add the columns and tables today's models have and the old schema lacks (added after the
    move), so today's code can fill the old tables; returns them, to take out again."""
    added = []
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        present = {
            table: {c.name for c in connection.introspection.get_table_description(cursor, table)}
            for table in tables
        }
    with connection.schema_editor() as editor:
        for model in django_apps.get_models():
            table = model._meta.db_table
            if model._meta.proxy or not model._meta.managed:
                continue
            if table not in tables:  # a model added since: its table, for the time being
                editor.create_model(model)
                added.append((model, None))
                continue
            for field in model._meta.local_fields:
                if field.column and field.column not in present[table]:
                    editor.add_field(model, field)
                    added.append((model, field))
    return added


def remove_columns(added):
    with connection.schema_editor() as editor:
        for model, field in reversed(added):
            if field is None:
                editor.delete_model(model)
            else:
                editor.remove_field(model, field)


@pytest.mark.django_db(transaction=True)
def test_a_seeded_database_keeps_every_row_when_the_outbox_moves(reference_data):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    # A transactional test before may have flushed them: content types and permissions as
    # after `migrate`.
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    migrate(BEFORE_THE_MOVE)
    added = add_newer_columns()
    try:
        old_type = ContentType.objects.get(app_label="providers", model="outgoingmail")
        view_outbox = Permission.objects.get(content_type=old_type, codename="view_outgoingmail")
        staff = Group.objects.create(name="kijkers")
        staff.permissions.add(view_outbox)

        # Same tables before and after (with the newer columns): today's code fills them.
        call_command("seed_demo", verbosity=0)
        reservation = Reservation.objects.exclude(email="").first()
        mail_enqueue_written_later(
            to=reservation.email,
            writer="agenda.reservation",
            params={
                "reservation": reservation.pk,
                "kind": "reservation_confirmed",
                "calendar": None,
            },
        )
        before = counts()
        assert before["Reservation"] > 100
        assert before["OutgoingMail"] >= 1
    finally:
        remove_columns(added)
        migrate(latest)

    assert counts() == before
    mail = OutgoingMail.objects.get(to=reservation.email)
    assert mail.params["reservation"] == reservation.pk
    # The content type moved along, so what was granted on the outbox still is.
    moved = ContentType.objects.get_for_model(OutgoingMail)
    assert (moved.pk, moved.app_label) == (old_type.pk, "outbox")
    assert not ContentType.objects.filter(app_label="providers", model="outgoingmail").exists()
    assert staff.permissions.filter(codename="view_outgoingmail", content_type=moved).exists()
