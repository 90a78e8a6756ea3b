"""Two-way counts over a 1,000,000-allegation misconduct register on PostgreSQL (target: under 1 s).

Creates a scratch database (foidesk_bench_register), generates the synthetic register, loads it
with COPY, and times ``count_table`` (ORM GROUP BY) for three questions. The database work runs
in a child process with DATABASE_URL pointing at the scratch database; the database is dropped
afterwards. Set FOIDESK_BENCH_REGISTER_N to try another size.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVER = os.environ.get("FOIDESK_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "foidesk_bench_register"
N = int(os.environ.get("FOIDESK_BENCH_REGISTER_N", "1000000"))
REPEATS = 5
TARGET_SECONDS = 1.0

QUESTIONS = {
    "RPRP 2020-21: category x other outcome": {
        "rows": "allegation category",
        "columns": "other outcome",
        "years": (2020, 2021),
        "where": {"outcome": "reflective practice"},
    },
    "all years: category x year": {"rows": "category", "columns": "year"},
    "all years: borough x outcome (two outcome columns)": {"rows": "borough", "columns": "outcome"},
}


def main() -> str:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    try:
        env = {
            **os.environ,
            "DATABASE_URL": f"{SERVER}/{DATABASE}",
            "DJANGO_SETTINGS_MODULE": "foidesk.web.settings",
        }
        child = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode != 0:
            raise RuntimeError(f"bench_register child failed:\n{child.stderr}")
        figures = json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    return _section(figures)


def _section(figures: dict) -> str:
    lines = [
        "## Misconduct register: counts on PostgreSQL",
        "",
        f"{figures['n']:,} synthetic allegations (seed 1, 2019-2022) in PostgreSQL {figures['server']}; "
        f"each count is `count_table` (ORM GROUP BY), median of {REPEATS} runs after one warm-up, "
        "checked equal to `count_records` (the in-memory evaluation) on the same records.",
        "",
        "| figure | value | target | met? |",
        "|---|---|---|---|",
        f"| generate {figures['n']:,} allegations (Python) | {figures['generate_s']:.1f} s | - | - |",
        f"| load with COPY (table with its indexes) | {figures['load_s']:.1f} s | - | - |",
        f"| VACUUM ANALYZE | {figures['vacuum_s']:.1f} s | - | - |",
    ]
    for name, result in figures["queries"].items():
        met = "yes" if result["median_s"] < TARGET_SECONDS else "**no**"
        lines.append(
            f"| two-way count, {name} ({result['cells']} cells, {result['total']:,} counted) "
            f"| {result['median_s'] * 1000:.0f} ms | < {TARGET_SECONDS:.0f} s | {met} |"
        )
        ratio = result["in_memory_s"] / result["median_s"]
        lines.append(
            "| the same counted in Python over the records in memory (reference evaluation; same table) "
            f"| {result['in_memory_s']:.1f} s ({ratio:.0f}x the database) | - | - |"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# The child: everything that touches the scratch database
# ---------------------------------------------------------------------------------------------


def _child() -> None:
    import django

    django.setup()
    import datetime as dt

    from django.db import connection

    from foidesk.core.periods import calendar_years
    from foidesk.datasets import misconduct_synthetic as synthetic
    from foidesk.datasets.importer import register_row
    from foidesk.datasets.query import build_query, count_records
    from foidesk.web.records.models import MisconductAllegation
    from foidesk.web.records.selectors import count_table

    with connection.schema_editor() as editor:
        editor.create_model(MisconductAllegation)
    table = MisconductAllegation._meta.db_table
    columns = [
        "allegation_id", "officer_id", "collar_number", "rank", "gender", "borough", "station",
        "date_received", "category", "nature", "standard", "forum", "finding", "outcome", "second_outcome",
        "summary", "named_persons", "synthetic", "imported_at",
    ]  # fmt: skip
    stamp = dt.datetime.now(dt.UTC).isoformat()

    started = time.perf_counter()
    rows = []
    allegations = list(synthetic.generate_register(synthetic.AllegationGeneratorSettings(n=N, seed=1)))
    for allegation in allegations:
        row = register_row(allegation)
        outcomes = row[13].split("; ")
        rows.append((*row[:13], outcomes[0], outcomes[1] if len(outcomes) > 1 else "", *row[14:16],
                     allegation.synthetic, stamp))  # fmt: skip
    generate_s = time.perf_counter() - started

    started = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor, for COPY
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    load_s = time.perf_counter() - started
    del rows

    started = time.perf_counter()
    connection.ensure_connection()
    connection.connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {table}")
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    vacuum_s = time.perf_counter() - started

    queries = {}
    for name, words in QUESTIONS.items():
        years = words.get("years")
        query = build_query(
            words["rows"],
            words["columns"],
            period=calendar_years(*years) if years else None,
            where=words.get("where"),
        )
        result = count_table(query)
        timings = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            result = count_table(query)
            timings.append(time.perf_counter() - started)
        started = time.perf_counter()
        in_memory = count_records(allegations, query)
        in_memory_s = time.perf_counter() - started
        if in_memory != result:
            raise AssertionError(f"{name}: the database and the in-memory counts differ")
        queries[name] = {
            "median_s": statistics.median(timings),
            "in_memory_s": in_memory_s,
            "cells": result.shape[0] * result.shape[1],
            "total": result.grand_total(),
        }
    print(json.dumps({"n": N, "server": server, "generate_s": generate_s, "load_s": load_s,
                      "vacuum_s": vacuum_s, "queries": queries}))  # fmt: skip


if __name__ == "__main__":
    if "--child" in sys.argv:
        _child()
    else:
        print(main())
