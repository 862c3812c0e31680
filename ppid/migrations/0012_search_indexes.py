"""The queue's search (ppid.search): pg_trgm and GIN trigram indexes on UPPER(field), which serve both the
case-insensitive substring (`icontains` is `UPPER(x::text) LIKE UPPER(...)`) and the word similarity of a term.
PostgreSQL only: on SQLite the search is plain `icontains` and this migration does nothing."""

from django.db import migrations

INDEXES = [
    ("request_number_trgm", "ppid_informationrequest", "registration_number"),
    ("request_information_trgm", "ppid_informationrequest", "information_requested"),
    ("request_requester_trgm", "ppid_informationrequest", "requester_name"),
    ("objection_number_trgm", "ppid_objection", "registration_number"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("ppid", "0011_objection_orders"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
