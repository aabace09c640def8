"""A stored, indexed search vector per activity: its title (weight A) and description (B) in
Dutch, a generated column the database keeps current on every write. The agenda's search reads
it (agenda/filters.py); the model does not load it."""

from django.db import migrations

SQL = """
ALTER TABLE agenda_activity ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('dutch'::regconfig, coalesce(description, '')), 'B')
) STORED;
CREATE INDEX activity_search ON agenda_activity USING gin (search_vector);
"""
REVERSE = """
DROP INDEX activity_search;
ALTER TABLE agenda_activity DROP COLUMN search_vector;
"""


class Migration(migrations.Migration):
    dependencies = [("agenda", "0013_end_waits_that_cannot_fit")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
