"""Every migration of ours can be rolled back, or says why not: an upgrade that goes wrong is
undone with `migrate <app> <previous>` (docs/operations.md, upgrades).

A RunPython needs a reverse_code (RunPython.noop counts, but must be written), a RunSQL a
reverse_sql, also inside SeparateDatabaseAndState. A migration that cannot be undone carries
`irreversible = "<why>"` on its Migration class.
"""

from django.db import migrations
from django.db.migrations.loader import MigrationLoader

OUR_APPS = {"outbox", "providers", "agenda", "portal", "campaign"}


def _operations(operations):
    for operation in operations:
        if isinstance(operation, migrations.SeparateDatabaseAndState):
            yield from _operations(operation.database_operations)
        else:
            yield operation


def problems(migration) -> list[str]:
    """What keeps `migration` from being rolled back, unless it is marked irreversible."""
    if getattr(migration, "irreversible", ""):
        return []
    found = []
    for operation in _operations(migration.operations):
        if isinstance(operation, migrations.RunPython) and operation.reverse_code is None:
            found.append(f"RunPython({operation.code.__name__}) without reverse_code")
        elif isinstance(operation, migrations.RunSQL) and operation.reverse_sql is None:
            found.append("RunSQL without reverse_sql")
        elif not operation.reversible:
            found.append(f"{type(operation).__name__} is not reversible")
    return found


def test_every_migration_is_reversible_or_says_why_not():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    failures = {
        f"{app}.{name}": found
        for (app, name), migration in sorted(loader.disk_migrations.items())
        if app in OUR_APPS and (found := problems(migration))
    }
    assert not failures, failures
    assert len([key for key in loader.disk_migrations if key[0] in OUR_APPS]) > 20


def test_the_check_catches_a_one_way_migration_and_accepts_a_marked_one():
    def forwards(apps, schema_editor):
        pass

    class OneWay(migrations.Migration):
        operations = [
            migrations.RunPython(forwards),
            migrations.SeparateDatabaseAndState(
                database_operations=[migrations.RunSQL("SELECT 1")]
            ),
        ]

    class Marked(OneWay):
        irreversible = "the old values cannot be recovered"

    class Explicit(migrations.Migration):
        operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

    assert problems(OneWay("0002_one_way", "agenda")) == [
        "RunPython(forwards) without reverse_code",
        "RunSQL without reverse_sql",
    ]
    assert problems(Marked("0002_marked", "agenda")) == []
    assert problems(Explicit("0002_explicit", "agenda")) == []
