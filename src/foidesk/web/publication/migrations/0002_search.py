"""Full-text search of the disclosure log (publication/search.py reads it).

PostgreSQL: a stored generated ``tsvector`` column (title weighted A, summary B, request C,
response D; English stemming) with a GIN index; it is kept in step by PostgreSQL itself.
SQLite (the embedded mode): an FTS5 table over the same four columns with external content
(the text is not stored twice), holding published entries only, kept in step by triggers.
Other databases get no index; search.py then falls back to a plain match.
"""

from django.db import migrations

POSTGRESQL_FORWARD = [
    """
    ALTER TABLE publication_publication ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(request_text, '')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(response_text, '')), 'D')
    ) STORED
    """,
    "CREATE INDEX publication_search_gin ON publication_publication USING gin (search_vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS publication_search_gin",
    "ALTER TABLE publication_publication DROP COLUMN IF EXISTS search_vector",
]

_COLUMNS = "title, summary, request_text, response_text"
_NEW = "new.title, new.summary, new.request_text, new.response_text"
_OLD = "old.title, old.summary, old.request_text, old.response_text"
SQLITE_FORWARD = [
    f"""
    CREATE VIRTUAL TABLE publication_search USING fts5(
        {_COLUMNS}, content='publication_publication', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    f"""
    CREATE TRIGGER publication_search_insert AFTER INSERT ON publication_publication
    WHEN new.is_published BEGIN
        INSERT INTO publication_search(rowid, {_COLUMNS}) VALUES (new.id, {_NEW});
    END
    """,
    f"""
    CREATE TRIGGER publication_search_delete AFTER DELETE ON publication_publication
    WHEN old.is_published BEGIN
        INSERT INTO publication_search(publication_search, rowid, {_COLUMNS})
        VALUES ('delete', old.id, {_OLD});
    END
    """,
    f"""
    CREATE TRIGGER publication_search_update AFTER UPDATE ON publication_publication BEGIN
        INSERT INTO publication_search(publication_search, rowid, {_COLUMNS})
        SELECT 'delete', old.id, {_OLD} WHERE old.is_published;
        INSERT INTO publication_search(rowid, {_COLUMNS})
        SELECT new.id, {_NEW} WHERE new.is_published;
    END
    """,
    f"""
    INSERT INTO publication_search(rowid, {_COLUMNS})
    SELECT id, {_COLUMNS} FROM publication_publication WHERE is_published
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS publication_search_update",
    "DROP TRIGGER IF EXISTS publication_search_delete",
    "DROP TRIGGER IF EXISTS publication_search_insert",
    "DROP TABLE IF EXISTS publication_search",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("publication", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
