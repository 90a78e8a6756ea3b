"""The log's narrow search rows (publication.SearchEntry), PostgreSQL only.

A search used to test each candidate entry by reading its whole row (1.9 KB: the texts, the parts, the
stored ``search_vector``). The narrow table holds, for each published entry, only what a search reads:
id, publication date, filter values and the ``search_vector`` (as ``document``, with its own GIN index).
A row trigger keeps it in step on every insert, update and delete of an entry, whoever makes it
(publishing, withdrawing, republishing, indexing its files, the admin, a bulk load); a withdrawn entry's
row is deleted. The migration fills it from the published entries.
"""

from django.db import migrations, models

POSTGRESQL_FORWARD = [
    "ALTER TABLE publication_searchentry ADD COLUMN document tsvector NOT NULL",
    """
    CREATE FUNCTION publication_search_entry_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            DELETE FROM publication_searchentry WHERE id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.is_published THEN
            INSERT INTO publication_searchentry (id, published_on, topics, outcomes, exemptions, document)
            VALUES (NEW.id, NEW.published_on, NEW.topics, NEW.outcomes, NEW.exemptions, NEW.search_vector);
        END IF;
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER publication_search_entry_sync AFTER INSERT OR UPDATE OR DELETE ON publication_publication "
    "FOR EACH ROW EXECUTE FUNCTION publication_search_entry_sync()",
    """
    INSERT INTO publication_searchentry (id, published_on, topics, outcomes, exemptions, document)
    SELECT id, published_on, topics, outcomes, exemptions, search_vector FROM publication_publication
    WHERE is_published ORDER BY id
    """,
    "CREATE INDEX publication_searchentry_gin ON publication_searchentry USING gin (document)",
    "ANALYZE publication_searchentry",
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS publication_search_entry_sync ON publication_publication",
    "DROP FUNCTION IF EXISTS publication_search_entry_sync()",
    "DROP INDEX IF EXISTS publication_searchentry_gin",
    "ALTER TABLE publication_searchentry DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("publication", "0006_log_version")]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("published_on", models.DateField()),
                ("topics", models.JSONField(default=list)),
                ("outcomes", models.JSONField(default=list)),
                ("exemptions", models.JSONField(default=list)),
            ],
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD}),
        ),
    ]
