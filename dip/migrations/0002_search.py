"""The register's search (dip.search), on PostgreSQL.

- `DipItem.search_document`: the item's words for full text with the `indonesian` configuration (its Snowball
  stemmer: "laporan" and "melaporkan" are both 'lapor'), the title and tags weighted A, the summary B. A BEFORE
  trigger keeps it in step with every insert and update, whatever the ORM writes there (it writes NULL), so
  `bulk_create` and `QuerySet.update` keep it true too; a GIN index serves `@@`.
- `dip_search_word`: the words of published items, one row each, with a GIN trigram index: a misspelt term
  ("laporn") is looked up there among a few thousand words, not among the items, and searched as the words it
  resembles ("laporan"), as the pg_trgm documentation suggests for spelling correction. The same trigger adds the
  words of an item when it is published; a word an item no longer has stays (it only widens a correction, never
  a result, since results come from the items' own documents).

On SQLite the column is there, always empty, and the search is a plain `icontains` (see dip.search).
"""

import django.contrib.postgres.search
from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION dip_item_search_document() RETURNS trigger AS $$
BEGIN
    NEW.search_document :=
        setweight(to_tsvector('indonesian', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('indonesian', coalesce(NEW.tags::text, '')), 'A')
        || setweight(to_tsvector('indonesian', coalesce(NEW.summary, '')), 'B');
    IF NEW.state = 'published' AND (
        TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state OR OLD.title IS DISTINCT FROM NEW.title
        OR OLD.summary IS DISTINCT FROM NEW.summary OR OLD.tags::text IS DISTINCT FROM NEW.tags::text
    ) THEN
        INSERT INTO dip_search_word (word)
        SELECT DISTINCT w FROM regexp_split_to_table(
            lower(coalesce(NEW.title, '') || ' ' || coalesce(NEW.summary, '') || ' ' || coalesce(NEW.tags::text, '')),
            '[^[:alnum:]]+'
        ) AS w
        WHERE length(w) BETWEEN 3 AND 40
        ON CONFLICT (word) DO NOTHING;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    execute("CREATE TABLE IF NOT EXISTS dip_search_word (word text PRIMARY KEY)")
    execute("CREATE INDEX IF NOT EXISTS dip_search_word_trgm ON dip_search_word USING gin (word gin_trgm_ops)")
    execute(FUNCTION)
    execute(
        "CREATE TRIGGER dip_item_search_document BEFORE INSERT OR UPDATE ON dip_dipitem "
        "FOR EACH ROW EXECUTE FUNCTION dip_item_search_document()"
    )
    execute("CREATE INDEX IF NOT EXISTS dip_item_search_gin ON dip_dipitem USING gin (search_document)")
    # Rows written before this migration: the trigger fills them.
    execute("UPDATE dip_dipitem SET search_document = NULL")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    execute = schema_editor.execute
    execute("DROP INDEX IF EXISTS dip_item_search_gin")
    execute("DROP TRIGGER IF EXISTS dip_item_search_document ON dip_dipitem")
    execute("DROP FUNCTION IF EXISTS dip_item_search_document()")
    execute("DROP TABLE IF EXISTS dip_search_word")


class Migration(migrations.Migration):
    dependencies = [("dip", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="dipitem",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
