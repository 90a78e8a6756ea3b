"""`similar` over a disclosure log of 1,000,000 synthetic entries: PostgreSQL and SQLite FTS5.

Targets (issue 6): p95 under 100 ms per query on PostgreSQL, under 300 ms on SQLite. Each database
is a scratch one made and dropped here; the work runs in a child process whose DATABASE_URL points
at it. Queries are the request texts of the labelled set (tests/data/requests/), each parsed and
searched as `foidesk similar` does. FOIDESK_BENCH_LOG_N sets another size.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from log_fixture import child_json, scratch_postgres  # noqa: E402 - benchmarks/ is not a package

SERVER = os.environ.get("FOIDESK_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "foidesk_bench_similar"
N = int(os.environ.get("FOIDESK_BENCH_LOG_N", "1000000"))
TARGETS_MS = {"postgresql": 100.0, "sqlite": 300.0}


def main() -> str:
    results = {}
    with scratch_postgres(SERVER, DATABASE) as url:
        results["postgresql"] = _child(url)
    with tempfile.TemporaryDirectory() as folder:
        results["sqlite"] = _child(f"sqlite:///{folder}/bench.sqlite3")
    return _section(results)


def _child(url: str) -> dict[str, object]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "foidesk.web.settings",
        "FOIDESK_VAR_DIR": tempfile.gettempdir(),
    }
    return child_json(__file__, ["--child"], env)


def _child_main() -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from log_fixture import log_load  # benchmarks/ is on sys.path: this file runs as a script

    from foidesk.core.parsing import InvalidRequestText, parse_request
    from foidesk.web.publication.search import refresh_search_terms, search_publications

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    log_load(N)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    refresh_search_terms()
    terms_s = time.perf_counter() - started
    texts = [p.read_text() for p in sorted((HERE.parent / "tests/data/requests").glob("*.txt"))]
    timings = []
    for index, text in enumerate(texts * 2):
        begin = time.perf_counter()
        try:
            parts = parse_request(text, dt.date(2026, 11, 1)).parts
        except InvalidRequestText:
            parts = ()
        topics = {t for p in parts for t in p.topics}
        periods = [(r.start, r.end) for p in parts for r in p.date_ranges]
        search_publications(text, topics=topics, date_ranges=periods, limit=5)
        elapsed = (time.perf_counter() - begin) * 1000
        if index >= len(texts):  # the first pass warms the caches
            timings.append(elapsed)
    timings.sort()
    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "n": N,
                "load_s": load_s,
                "terms_s": terms_s,
                "queries": len(timings),
                "p50_ms": statistics.median(timings),
                "p95_ms": timings[int(len(timings) * 0.95) - 1],
                "max_ms": timings[-1],
            }
        )
    )


def _section(results: dict[str, dict[str, object]]) -> str:
    lines = [
        "## Earlier answers: `similar` over a large disclosure log",
        "",
        "Synthetic entries (datasets/disclosure_log.py); each query is one request of the labelled set, "
        "parsed and searched as `foidesk similar` does (candidates from the full-text index, re-ranked by "
        "topics and periods); the first pass warms the caches and is not counted.",
        "",
        "| database | entries | load | word counts | queries | p50 | p95 | target (p95) | met? |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for vendor, r in results.items():
        target = TARGETS_MS[vendor]
        lines.append(
            f"| {vendor} | {r['n']:,} | {r['load_s']:.0f} s | {r['terms_s']:.0f} s | {r['queries']} | "
            f"{r['p50_ms']:.0f} ms | "
            f"{r['p95_ms']:.0f} ms | < {target:.0f} ms | {'yes' if r['p95_ms'] < target else 'no'} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        sys.path.insert(0, str(HERE.parent / "src"))
        _child_main()
    else:
        print(main())
