"""The disclosure log's search box, before and after issue 17 (synonyms, fallback, snippets, filter counts).

A scratch log of FOIDESK_BENCH_LOG_SEARCH_N synthetic entries (default 5,000) on PostgreSQL and on SQLite,
loaded once; then the same queries are run by the search of the commit before issue 17
(``disclosure_log_search``: the page of entries and its count) and by today's (``log_search``: the page,
its count, highlighted snippets and every filter's counts; and the API's path, without snippets and
counts). Each measurement runs in a child process whose DATABASE_URL points at the scratch database; the
"before" child imports the older source tree, extracted from git into a temporary folder.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from log_fixture import child_json, scratch_postgres  # noqa: E402 - benchmarks/ is not a package

SERVER = os.environ.get("FOIDESK_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "foidesk_bench_log_search"
N = int(os.environ.get("FOIDESK_BENCH_LOG_SEARCH_N", "5000"))
BEFORE = os.environ.get("FOIDESK_BENCH_LOG_SEARCH_BEFORE", "1ca0ee4")  # the commit before issue 17
QUERIES = [
    "sexual misconduct 2021",
    "taser",
    "stop and search",
    "overtime payments 2019",
    '"use of force" restraint',
    "firearm*",
    "budget cuts",
    "domestic abuse arrests",
    "vetting failures officers",
    "taser xylophone",  # no entry has both: today's search falls back to any word
]
ROUNDS = 5  # the first warms the caches and is not counted


def main() -> str:
    results: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        before_src = _extract_before(Path(folder))
        with scratch_postgres(SERVER, DATABASE) as url:
            results["postgresql"] = _measure_all(url, before_src)
        results["sqlite"] = _measure_all(f"sqlite:///{folder}/bench.sqlite3", before_src)
    return _section(results, os.getloadavg()[0])


def _extract_before(folder: Path) -> Path:
    archive = folder / "before.tar"
    subprocess.run(["git", "archive", "--output", str(archive), BEFORE, "src"], cwd=HERE.parent, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder / "before", filter="data")
    return folder / "before" / "src"


def _measure_all(url: str, before_src: Path) -> dict[str, dict[str, float]]:
    current = HERE.parent / "src"
    load = _child(url, current, "load")
    return {
        "load": load,
        "before": _child(url, before_src, "before"),
        "after": _child(url, current, "after"),
        "api": _child(url, current, "api"),
    }


def _child(url: str, src: Path, mode: str) -> dict[str, float]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "foidesk.web.settings",
        "FOIDESK_VAR_DIR": tempfile.gettempdir(),
        "FOIDESK_BENCH_LOG_N": str(N),
        "FOIDESK_BENCH_SRC": str(src),
    }
    return child_json(__file__, ["--child", mode], env)


def _child_main(mode: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if mode == "load":
        import bench_similar

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        loader = (
            bench_similar._load_postgresql
            if connection.vendor == "postgresql"
            else bench_similar._load_sqlite
        )
        loader()
        print(json.dumps({"load_s": time.perf_counter() - started}))
        return
    from foidesk.web.publication import selectors

    def run(q: str) -> int:
        if mode == "before":
            page = selectors.disclosure_log_search(selectors.LogFilters(q=q), 1)  # type: ignore[attr-defined]
            return len(list(page.object_list)) + page.paginator.count
        results = selectors.log_search(selectors.LogFilters(q=q), 1, for_page=mode == "after")
        return len(list(results.page.object_list)) + results.page.paginator.count

    timings = []
    found = {}
    for round_number in range(ROUNDS):
        for q in QUERIES:
            begin = time.perf_counter()
            found[q] = run(q)
            if round_number:
                timings.append((time.perf_counter() - begin) * 1000)
    timings.sort()
    print(
        json.dumps(
            {
                "queries": len(timings),
                "p50_ms": statistics.median(timings),
                "p95_ms": timings[int(len(timings) * 0.95) - 1],
                "max_ms": timings[-1],
                "with_results": sum(1 for n in found.values() if n),
            }
        )
    )


def _section(results: dict[str, dict[str, dict[str, float]]], load_average: float) -> str:
    lines = [
        "## Disclosure log search box: before and after issue 17",
        "",
        f"{N:,} synthetic entries (datasets/disclosure_log.py) per database; {len(QUERIES)} typical queries "
        f"(a topic phrase with a year, one word, a quoted phrase, a prefix, one with no entry holding every "
        f"word) run {ROUNDS - 1} times after a warm-up round. *Before*: the search of commit {BEFORE} "
        "(the page of entries and its count). *After, page*: today's `log_search` for the web page (the "
        "page, its count, highlighted snippets, every filter's counts). *After, API*: the API's path "
        f"(no snippets, no counts). The machine's load average at the end of the run: {load_average:.1f} "
        "(other work shared its cores).",
        "",
        "| database | load | search | queries with results | p50 | p95 | max |",
        "|---|---|---|---|---|---|---|",
    ]
    labels = {"before": "before", "after": "after, page", "api": "after, API"}
    for vendor, runs in results.items():
        for mode, label in labels.items():
            r = runs[mode]
            lines.append(
                f"| {vendor} | {runs['load']['load_s']:.1f} s | {label} | "
                f"{r['with_results']:.0f}/{len(QUERIES)} | {r['p50_ms']:.1f} ms | {r['p95_ms']:.1f} ms | "
                f"{r['max_ms']:.1f} ms |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.path.insert(0, os.environ["FOIDESK_BENCH_SRC"])
        sys.path.insert(1, str(HERE))
        _child_main(sys.argv[2])
    else:
        print(main())
