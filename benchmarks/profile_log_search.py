"""Where a disclosure-log search spends its time, in one process against an already loaded log (no HTTP):
each query of bench_log_http's list run once by ``log_search`` for the web page (candidates, page,
snippets, filter counts) and for the API (candidates and page), with the time of every SQL statement.

    DATABASE_URL=postgres://.../foidesk_log_1m .venv/bin/python benchmarks/profile_log_search.py

(a log loaded by bench_log_http with FOIDESK_BENCH_HTTP_POSTGRES_URL, or by log_fixture.log_load).
Prints one line a search and a JSON summary (p50, p95, max per mode) last.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foidesk.web.settings")

from bench_log_http import SEARCHES  # noqa: E402 - benchmarks/ is not a package


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from foidesk.web.publication.selectors import LogFilters, log_search

    log_search(LogFilters(q="warm up"), 1)
    times: dict[str, list[float]] = {"page": [], "API": []}
    for for_page, mode in ((True, "page"), (False, "API")):
        for q in SEARCHES[:: max(1, len(SEARCHES) // 40)]:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                results = log_search(LogFilters(q=q), 1, for_page=for_page)
                elapsed = (time.perf_counter() - started) * 1000
            times[mode].append(elapsed)
            statements = " ".join(f"{float(s['time']) * 1000:.0f}" for s in queries.captured_queries)
            print(
                f"{mode:4} {q!r:32} {elapsed:7.1f} ms  count {results.page.paginator.count}"
                f"{'+' if results.more else ''}  SQL ms: {statements}"
            )
    summary = {
        mode: {
            "p50_ms": round(statistics.median(t), 1),
            "p95_ms": round(statistics.quantiles(t, n=20)[-1], 1),
            "max_ms": round(max(t), 1),
        }
        for mode, t in times.items()
    }
    print(json.dumps({"vendor": connection.vendor, "load": os.getloadavg()[0], **summary}))


if __name__ == "__main__":
    main()
