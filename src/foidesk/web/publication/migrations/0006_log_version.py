"""The log's version (publication.LogVersion): one row, raised by triggers on every write to an entry,
its files or the earlier answers it points to, so that cached entry pages are keyed by it (page_cache.py).

PostgreSQL: one statement-level trigger per table (a bulk load raises it once a statement, not once a
row). SQLite has row-level triggers only.
"""

from django.db import migrations, models

_TABLES = ("publication_publication", "publication_publishedattachment", "publication_publication_points_to")
# The version is raised to the time of the write in microseconds (or by one, if that is not more): never
# the same number twice, even after a rolled-back write (a test's transaction) took the next one. The row
# is made again if it is missing (a test's flush empties every table).
_PG_NOW = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"
_SQLITE_NOW = "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"
_RAISE = (
    "INSERT INTO publication_logversion (id, generation) VALUES (1, {now}) ON CONFLICT (id) DO UPDATE "
    "SET generation = {greatest}(publication_logversion.generation + 1, excluded.generation)"
)
_PG_RAISE = _RAISE.format(now=_PG_NOW, greatest="greatest")
_SQLITE_RAISE = _RAISE.format(now=_SQLITE_NOW, greatest="max")

POSTGRESQL_FORWARD = [
    f"""
    CREATE OR REPLACE FUNCTION publication_log_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN {_PG_RAISE}; RETURN NULL; END $$
    """,
    *(
        f"CREATE TRIGGER {table}_log_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION publication_log_changed()"
        for table in _TABLES
    ),
]
POSTGRESQL_BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS {table}_log_changed ON {table}" for table in _TABLES),
    "DROP FUNCTION IF EXISTS publication_log_changed()",
]
SQLITE_FORWARD = [
    f"CREATE TRIGGER {table}_log_{event.lower()} AFTER {event} ON {table} BEGIN {_SQLITE_RAISE}; END"
    for table in _TABLES
    for event in ("INSERT", "UPDATE", "DELETE")
]
SQLITE_BACKWARD = [
    f"DROP TRIGGER IF EXISTS {table}_log_{event.lower()}"
    for table in _TABLES
    for event in ("INSERT", "UPDATE", "DELETE")
]


def _first_version(apps, schema_editor):
    apps.get_model("publication", "LogVersion").objects.using(schema_editor.connection.alias).get_or_create(
        pk=1
    )


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("publication", "0005_attachments_text")]

    operations = [
        migrations.CreateModel(
            name="LogVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("generation", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(_first_version, migrations.RunPython.noop),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
