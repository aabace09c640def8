"""A stored, indexed search vector of each provider's name in Dutch, a generated column the
database keeps current; the agenda's search finds activities by their provider through it."""

from django.db import migrations

SQL = """
ALTER TABLE providers_provider ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch'::regconfig, coalesce(name, '')), 'A')
) STORED;
CREATE INDEX provider_search ON providers_provider USING gin (search_vector);
"""
REVERSE = """
DROP INDEX provider_search;
ALTER TABLE providers_provider DROP COLUMN search_vector;
"""


class Migration(migrations.Migration):
    dependencies = [("providers", "0010_outbox_moves_to_its_own_app")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
