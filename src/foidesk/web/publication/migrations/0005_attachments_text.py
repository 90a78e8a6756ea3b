"""The words of an entry's published files, searched with its text (issue 17).

A new column, ``attachments_text``, joins the full-text index at the lowest weight: PostgreSQL's
generated ``search_vector`` is made again with it (weight D beside the response), and SQLite's FTS5
table is made again with a fifth column, its triggers and the vocabulary table over it.
"""

from django.db import migrations, models

_VECTOR = """
    ALTER TABLE publication_publication ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(request_text, '')), 'C') ||
        setweight(to_tsvector('english'::regconfig, coalesce(response_text, '')), 'D'){attachments}
    ) STORED
"""
_ATTACHMENTS = " ||\n        setweight(to_tsvector('english'::regconfig, coalesce(attachments_text, '')), 'D')"


def _postgresql(attachments: str) -> list[str]:
    return [
        "DROP INDEX IF EXISTS publication_search_gin",
        "ALTER TABLE publication_publication DROP COLUMN IF EXISTS search_vector",
        _VECTOR.format(attachments=attachments),
        "CREATE INDEX publication_search_gin ON publication_publication USING gin (search_vector)",
    ]


def _sqlite(columns: str) -> list[str]:
    new = ", ".join(f"new.{c}" for c in columns.split(", "))
    old = ", ".join(f"old.{c}" for c in columns.split(", "))
    return [
        "DROP TABLE IF EXISTS publication_search_terms",
        "DROP TRIGGER IF EXISTS publication_search_update",
        "DROP TRIGGER IF EXISTS publication_search_delete",
        "DROP TRIGGER IF EXISTS publication_search_insert",
        "DROP TABLE IF EXISTS publication_search",
        f"""
        CREATE VIRTUAL TABLE publication_search USING fts5(
            {columns}, content='publication_publication', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )
        """,
        f"""
        CREATE TRIGGER publication_search_insert AFTER INSERT ON publication_publication
        WHEN new.is_published BEGIN
            INSERT INTO publication_search(rowid, {columns}) VALUES (new.id, {new});
        END
        """,
        f"""
        CREATE TRIGGER publication_search_delete AFTER DELETE ON publication_publication
        WHEN old.is_published BEGIN
            INSERT INTO publication_search(publication_search, rowid, {columns})
            VALUES ('delete', old.id, {old});
        END
        """,
        f"""
        CREATE TRIGGER publication_search_update AFTER UPDATE ON publication_publication BEGIN
            INSERT INTO publication_search(publication_search, rowid, {columns})
            SELECT 'delete', old.id, {old} WHERE old.is_published;
            INSERT INTO publication_search(rowid, {columns})
            SELECT new.id, {new} WHERE new.is_published;
        END
        """,
        f"""
        INSERT INTO publication_search(rowid, {columns})
        SELECT id, {columns} FROM publication_publication WHERE is_published
        """,
        "CREATE VIRTUAL TABLE publication_search_terms USING fts5vocab(publication_search, 'row')",
    ]


_FOUR = "title, summary, request_text, response_text"
_FIVE = f"{_FOUR}, attachments_text"


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("publication", "0004_related")]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="attachments_text",
            field=models.TextField(
                blank=True,
                default="",
                editable=False,
                help_text="The words of the published files, for search (filled after publication).",
            ),
        ),
        migrations.RunPython(
            _run({"postgresql": _postgresql(_ATTACHMENTS), "sqlite": _sqlite(_FIVE)}),
            _run({"postgresql": _postgresql(""), "sqlite": _sqlite(_FOUR)}),
        ),
    ]
