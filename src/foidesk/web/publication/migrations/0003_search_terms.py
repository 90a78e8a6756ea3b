"""How many published entries hold each word, so that a search starts from the rarest words of a request.

SQLite: FTS5's own vocabulary table over the index (always exact). PostgreSQL: a plain table filled by
``refresh_search_terms()`` (``ts_stat`` over the stored tsvectors), refreshed after bulk loads and by
``foidesk search-terms``; until it is filled, search uses the first key words as before.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    "CREATE TABLE publication_search_terms (word text PRIMARY KEY, ndoc integer NOT NULL)",
]
POSTGRESQL_BACKWARD = ["DROP TABLE IF EXISTS publication_search_terms"]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE publication_search_terms USING fts5vocab(publication_search, 'row')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS publication_search_terms"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("publication", "0002_search")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
