"""A disclosure log of N synthetic entries loaded straight into a scratch database (COPY on PostgreSQL,
batched inserts and one FTS5 rebuild on SQLite): what the benchmarks of the log search against."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

COLUMNS = [
    "reference",
    "slug",
    "title",
    "summary",
    "regime",
    "request_text",
    "response_text",
    "parts",
    "topics",
    "outcomes",
    "exemptions",
    "received_on",
    "responded_on",
    "published_on",
    "is_published",
    "withdrawn_reason",
    "is_synthetic",
    "related",  # found at publication: the loaded entries have none, as if none were found then
    "attachments_text",  # the synthetic entries have no files
    "created_at",
    "updated_at",
]


def child_json(script: str, args: list[str], env: Mapping[str, str]) -> Any:
    """Run a benchmark ``script`` again in a child process (its own DATABASE_URL in ``env``) and read the
    JSON object it prints last; a child that fails raises with the end of its error output."""
    child = subprocess.run(
        [sys.executable, str(Path(script).resolve()), *args],
        env=dict(env),
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"{Path(script).name} {' '.join(args)} failed:\n{child.stderr[-4000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


@contextmanager
def scratch_postgres(server: str, name: str) -> Iterator[str]:
    """A PostgreSQL database made empty for one benchmark and dropped after it; yields its URL."""
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _entries(n: int) -> Iterator[Any]:
    from foidesk.datasets.disclosure_log import synthetic_entries

    return iter(synthetic_entries(n, seed=11, first_day=dt.date(2008, 1, 1), last_day=dt.date(2026, 6, 30)))


def log_load(n: int) -> None:
    """Load ``n`` entries into the database Django is connected to (migrated, empty log)."""
    from django.db import connection

    _load_postgresql(n) if connection.vendor == "postgresql" else _load_sqlite(n)


_JSON_COLUMNS = frozenset({"parts", "topics", "outcomes", "exemptions", "related"})


def _values(entry: Any, now: str) -> list[Any]:
    """One entry's column values in ``COLUMNS`` order (JSON as text; created and updated ``now``)."""
    row = {**entry.as_row(), "related": [], "attachments_text": ""}
    return [*(json.dumps(row[c]) if c in _JSON_COLUMNS else row[c] for c in COLUMNS[:-2]), now, now]


def _load_postgresql(n: int) -> None:
    """COPY with the GIN indexes dropped and the narrow search rows' trigger off, then the narrow rows
    (models.SearchEntry) filled in one statement and both indexes built once."""
    from django.db import connection

    now = dt.datetime.now(dt.UTC).isoformat()
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS publication_search_gin")
        cursor.execute("DROP INDEX IF EXISTS publication_searchentry_gin")
        cursor.execute("ALTER TABLE publication_publication DISABLE TRIGGER publication_search_entry_sync")
        raw = cursor.connection
        with raw.cursor().copy(f"COPY publication_publication ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for entry in _entries(n):
                copy.write_row(_values(entry, now))
        cursor.execute("ALTER TABLE publication_publication ENABLE TRIGGER publication_search_entry_sync")
        cursor.execute(
            "INSERT INTO publication_searchentry (id, published_on, topics, outcomes, exemptions, document) "
            "SELECT id, published_on, topics, outcomes, exemptions, search_vector "
            "FROM publication_publication WHERE is_published ORDER BY id ON CONFLICT (id) DO NOTHING"
        )
        cursor.execute(
            "CREATE INDEX publication_search_gin ON publication_publication USING gin (search_vector)"
        )
        cursor.execute(
            "CREATE INDEX publication_searchentry_gin ON publication_searchentry USING gin (document)"
        )
        cursor.execute("VACUUM ANALYZE publication_publication")
        cursor.execute("VACUUM ANALYZE publication_searchentry")


def _load_sqlite(n: int) -> None:
    from django.db import connection

    now = dt.datetime.now(dt.UTC).isoformat()
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        for trigger in ("insert", "update", "delete"):
            cursor.execute(f"DROP TRIGGER IF EXISTS publication_search_{trigger}")
        batch = []
        for entry in _entries(n):
            batch.append(_values(entry, now))
            if len(batch) == 20_000:
                cursor.executemany(
                    f"INSERT INTO publication_publication ({', '.join(COLUMNS)}) VALUES ({placeholders})",
                    batch,
                )
                batch.clear()
        if batch:
            cursor.executemany(
                f"INSERT INTO publication_publication ({', '.join(COLUMNS)}) VALUES ({placeholders})", batch
            )
        cursor.execute("INSERT INTO publication_search(publication_search) VALUES ('rebuild')")
        cursor.execute("ANALYZE")
