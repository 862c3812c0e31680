"""The notes searched from the queues (ppid.search): a GIN trigram index on UPPER(text). PostgreSQL only."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        'CREATE INDEX IF NOT EXISTS casenote_text_trgm ON casenotes_casenote USING gin ((UPPER("text"::text)) gin_trgm_ops)'
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS casenote_text_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("casenotes", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
