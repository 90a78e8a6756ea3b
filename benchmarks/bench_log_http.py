"""The public disclosure log under load, over HTTP: gunicorn (2 workers, the application preloaded)
serving a log of 1,000,000 synthetic entries on PostgreSQL and then on SQLite, driven by wrk.

Targets (issue 17), at 10 concurrent clients: search p95 under 150 ms; an entry page at least 300
requests a second and at least half the rate of a bare Django page served by the same gunicorn in the
same run; API search p95 under 150 ms. Each target rotates through many addresses (entries, queries)
so that no single page is measured warm. Worker memory is read before and after (flat means no leak).

FOIDESK_BENCH_LOG_N sets another size, FOIDESK_BENCH_HTTP_SECONDS the time per target (default 20).
FOIDESK_BENCH_HTTP_POSTGRES_URL and FOIDESK_BENCH_HTTP_SQLITE_PATH name databases already loaded (by an
earlier run of this loader) to measure instead of loading a scratch one; they are migrated, not emptied.
The searches are distinct (each query with each year as a word: 200 of them), so no cache could answer
them; there is none. Entry pages are measured twice: rotating through 500 entries (after a warm-up of
FOIDESK_BENCH_HTTP_WARM_SECONDS, 45, not counted: served from each worker's page cache) and through
20,000 (mostly first visits: rendered).
``make load`` runs the same for 10 minutes a target (a soak). wrk is Debian's package: installed here
when missing and the benchmark runs as root, else the section says it was not run.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from log_fixture import child_json, scratch_postgres  # noqa: E402 - benchmarks/ is not a package

SERVER = os.environ.get("FOIDESK_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "foidesk_bench_http"
N = int(os.environ.get("FOIDESK_BENCH_LOG_N", "1000000"))
SECONDS = int(os.environ.get("FOIDESK_BENCH_HTTP_SECONDS", "20"))
CLIENTS = 10
WORKERS = 2
SEARCH_P95_MS = 150.0
ENTRY_RPS = 300.0
QUERIES = [
    "sexual misconduct 2021",
    "stop and search",
    "taser",
    "overtime payments",
    "body worn video",
    "domestic abuse",
    "knife crime 2019",
    "officer dismissed",
    "speeding fines",
    "missing persons",
]

_WRK_SCRIPT = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format(nil, paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  local bad = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT %%d %%d %%.1f %%.1f %%.1f %%.1f\\n", summary.requests, bad,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency.max / 1000, summary.duration / 1e6))
end
"""


# Each query alone and with each year as a word: distinct searches, none answered twice in a row.
SEARCHES = [
    q for year in ("", *map(str, range(2008, 2027))) for q in (f"{q} {year}".strip() for q in QUERIES)
]
WARM_ENTRIES = 500
WARM_SECONDS = int(
    os.environ.get("FOIDESK_BENCH_HTTP_WARM_SECONDS", "45")
)  # visiting them first, not counted
COLD_ENTRIES = 20_000


def main() -> str:
    if not _wrk():
        return "## Disclosure log over HTTP\n\nNot run: wrk is not installed (apt-get install wrk).\n"
    results = {}
    kept_postgres = os.environ.get("FOIDESK_BENCH_HTTP_POSTGRES_URL")
    if kept_postgres:
        results["PostgreSQL"] = _measure(kept_postgres, load=False)
    else:
        with scratch_postgres(SERVER, DATABASE) as url:
            results["PostgreSQL"] = _measure(url)
    kept_sqlite = os.environ.get("FOIDESK_BENCH_HTTP_SQLITE_PATH")
    if kept_sqlite:
        results["SQLite"] = _measure(f"sqlite:///{kept_sqlite}", load=False)
    else:
        with tempfile.TemporaryDirectory() as folder:
            results["SQLite"] = _measure(f"sqlite:///{folder}/bench.sqlite3")
    return _section(results)


def _wrk() -> str | None:
    found = shutil.which("wrk")
    if found is None and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
        found = shutil.which("wrk")
    return found


def _env(url: str, var: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "load_settings",
        "PYTHONPATH": f"{HERE}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
        "FOIDESK_VAR_DIR": var,
        "FOIDESK_SECURE_COOKIES": "0",
        "FOIDESK_STATIC_MANIFEST": "0",
        # the per-address limits would measure themselves: every client here is 127.0.0.1
        "FOIDESK_RATE_LIMIT_SEARCH": "0",
        "FOIDESK_RATE_LIMIT_API": "0",
    }


def _measure(url: str, *, load: bool = True) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as var:
        env = _env(url, var)
        facts = child_json(__file__, ["--prepare"] if load else ["--prepare", "--loaded"], env)
        port = _free_port()
        server_log = (Path(var) / "gunicorn.log").open("wb")
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "foidesk.web.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(WORKERS),
                "--preload",
                "--timeout",
                "120",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            # A file, not a pipe nobody reads: the one log line a request would fill a pipe in seconds and
            # then block the workers.
            stderr=server_log,
        )
        try:
            _wait_until_up(port)
            base = f"http://127.0.0.1:{port}"
            memory_before = _worker_rss_kib(server.pid)
            slugs = facts["slugs"]
            targets = {
                "bare Django page": ["/bare/"],
                "entry page": [f"/disclosure-log/{slug}/" for slug in slugs[:WARM_ENTRIES]],
                "entry page, 20,000 entries": [f"/disclosure-log/{slug}/" for slug in slugs[WARM_ENTRIES:]],
                "search page": [f"/disclosure-log/?{urllib.parse.urlencode({'q': q})}" for q in SEARCHES],
                "API search": [f"/api/v1/disclosures?{urllib.parse.urlencode({'q': q})}" for q in SEARCHES],
            }
            load_before = os.getloadavg()[0]
            _wrk_run(
                base, targets["entry page"], WARM_SECONDS
            )  # each worker renders the 500 once: not counted
            measured = {}
            for name, paths in targets.items():
                measured[name] = _wrk_run(base, paths)
                print(name, json.dumps(measured[name]), file=sys.stderr, flush=True)  # progress
            load_after = os.getloadavg()[0]
            memory_after = _worker_rss_kib(server.pid)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:  # workers still finishing queued requests
                server.kill()
                server.wait(timeout=30)
            server_log.close()
    return {
        **facts,
        "targets": measured,
        "rss_before_kib": memory_before,
        "rss_after_kib": memory_after,
        "load_before": load_before,
        "load_after": load_after,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(port: int, path: str = "/bare/") -> None:
    """Wait until gunicorn on ``port`` answers ``path`` (two minutes at most)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer within two minutes")


def _worker_rss_kib(master: int) -> int:
    """Resident memory of the master's worker processes, from /proc."""
    total = 0
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def _wrk_run(base: str, paths: list[str], seconds: int = SECONDS) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{CLIENTS}", f"-d{seconds}s", "--timeout", "10s", "-s", script.name, base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    requests, errors, p50, p95, worst, duration = (float(x) for x in line.split()[1:])
    return {
        "requests": requests,
        "errors": errors,
        "rps": requests / duration,
        "p50_ms": p50,
        "p95_ms": p95,
        "max_ms": worst,
    }


def _section(results: dict[str, dict[str, object]]) -> str:
    lines = [
        "## Disclosure log over HTTP (gunicorn, wrk)",
        "",
        f"{next(iter(results.values()))['n']:,} synthetic entries; gunicorn with {WORKERS} workers "
        "(preloaded) on 127.0.0.1; wrk with "
        f"{CLIENTS} connections for {SECONDS} s a target, rotating through {len(SEARCHES)} distinct searches "
        f"(no results cache) and {WARM_ENTRIES:,} entries (visited for {WARM_SECONDS} s first, not counted: "
        f"each worker's page cache then serves them) or {COLD_ENTRIES:,} (mostly first visits, rendered). "
        "The bare page is a Django view that only answers, served by the same gunicorn.",
        "",
        "| database | target | requests/s | p50 | p95 | errors | goal | met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for database, result in results.items():
        targets = result["targets"]
        assert isinstance(targets, dict)
        bare = targets["bare Django page"]["rps"]
        for name, t in targets.items():
            goal, met = "", ""
            answered = t["requests"] > 0 and t["errors"] == 0  # a run that timed out meets nothing
            if name in ("search page", "API search"):
                goal, met = f"p95 < {SEARCH_P95_MS:.0f} ms", _yes(answered and t["p95_ms"] < SEARCH_P95_MS)
            elif name.startswith("entry page"):
                goal = f">= {ENTRY_RPS:.0f}/s and >= half the bare page ({bare / 2:.0f}/s)"
                met = _yes(answered and t["rps"] >= ENTRY_RPS and t["rps"] >= bare / 2)
            lines.append(
                f"| {database} | {name} | {t['rps']:.0f} | {t['p50_ms']:.0f} ms | {t['p95_ms']:.0f} ms | "
                f"{t['errors']:.0f} | {goal} | {met} |"
            )
    lines.append("")
    for database, result in results.items():
        loaded = f"loaded in {result['load_s']:.0f} s" if result["load_s"] else "loaded by an earlier run"
        lines.append(
            f"{database}: {loaded}; load average {result['load_before']:.1f} before the targets, "
            f"{result['load_after']:.1f} after (2 cores); workers' memory "
            f"{result['rss_before_kib'] / 1024:.0f} MiB before, "
            f"{result['rss_after_kib'] / 1024:.0f} MiB after."
        )
    return "\n".join(lines) + "\n"


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def _prepare(*, load: bool = True) -> None:
    """In the child: migrate, load the log (unless it is loaded), and name the entries the load will
    rotate through: WARM_ENTRIES spread over the log, then COLD_ENTRIES others."""
    import django

    django.setup()
    from django.core.management import call_command
    from log_fixture import log_load

    from foidesk.web.publication.models import Publication
    from foidesk.web.publication.search import refresh_search_terms

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if load:
        log_load(N)
        refresh_search_terms()
    load_s = time.perf_counter() - started if load else 0.0
    n = Publication.objects.count()
    chosen = list(range(1, n + 1, max(1, n // WARM_ENTRIES)))[:WARM_ENTRIES]
    chosen += list(range(2, n + 1, max(1, n // COLD_ENTRIES)))[:COLD_ENTRIES]
    slugs = dict(Publication.objects.filter(pk__in=chosen).values_list("pk", "slug"))
    print(json.dumps({"n": n, "load_s": load_s, "slugs": [slugs[pk] for pk in chosen if pk in slugs]}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--prepare"]:
        _prepare(load="--loaded" not in sys.argv)
    else:
        print(main())
