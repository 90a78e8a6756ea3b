"""Soak: the public log and the API for SOAK_SECONDS under wrk, then 50 staff working at once.

    make soak [SOAK_SECONDS=600] [SOAK_ENTRIES=20000] [SOAK_STAFF=50] [SOAK_ROUNDS=10]

127.0.0.1 only: gunicorn (2 workers, preloaded) on a free local port, a scratch PostgreSQL database
(``FOIDESK_BENCH_POSTGRES``, dropped after). Phase 1 drives entry pages, log searches, API searches and
API entries, rotating, with wrk at 10 connections in slices of SOAK_SLICE seconds, sampling the workers'
resident memory after each slice: it reports requests, errors (any non-2xx/3xx, timeout or socket
error), p95 per slice, and the memory slope (least squares, MiB an hour). Phase 2 signs in SOAK_STAFF
case officers over real HTTP (threads, one session each) who record decisions on the same few parts
of shared cases, each form opened at the version it shows: a save either lands or is refused as a
conflict (optimistic locking), never silently lost. Afterwards every part's version must equal the
number of saves that landed on it, and `foidesk audit verify` must pass.

Prints a Markdown section; exit 1 if any check failed.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

SLICE = int(os.environ.get("SOAK_SLICE", "30"))
os.environ.setdefault("FOIDESK_BENCH_HTTP_SECONDS", str(SLICE))  # bench_log_http's wrk run length
os.environ.setdefault("FOIDESK_BENCH_LOG_N", os.environ.get("SOAK_ENTRIES", "20000"))

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench_log_http as http  # noqa: E402 - benchmarks/ is not a package
from log_fixture import child_json, scratch_postgres  # noqa: E402

SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
STAFF = int(os.environ.get("SOAK_STAFF", "50"))
ROUNDS = int(os.environ.get("SOAK_ROUNDS", "10"))
CASES, PARTS = 5, 3  # 15 parts shared by every officer: many conflicts, on purpose
PASSWORD = "soak-password-not-for-production"
DATABASE = "foidesk_soak"


def main() -> int:
    if not http._wrk():
        print("## Soak\n\nNot run: wrk is not installed (apt-get install wrk).")
        return 1
    with scratch_postgres(http.SERVER, DATABASE) as url, tempfile.TemporaryDirectory() as var:
        env = {**http._env(url, var), "FOIDESK_REQUIRE_2FA": "0", "FOIDESK_LOG_LEVEL": "ERROR"}
        env["DJANGO_SETTINGS_MODULE"] = "foidesk.web.settings"
        env["FOIDESK_RATE_LIMIT_REQUEST_FORM"] = "0"
        facts = child_json(__file__, ["--prepare"], env)
        port = http._free_port()
        argv = ["gunicorn", "foidesk.web.wsgi:application", "--bind", f"127.0.0.1:{port}", "--preload"]
        argv += ["--workers", str(http.WORKERS), "--timeout", "120"]
        server = subprocess.Popen(
            [sys.executable, "-m", *argv],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            http._wait_until_up(port, "/disclosure-log/")
            base = f"http://127.0.0.1:{port}"
            load = _load(base, server.pid, facts)
            staff = staff_run(
                base,
                officers=facts["officers"],
                parts=facts["parts"],
                cases=facts["cases"],
                rounds=ROUNDS,
                password=PASSWORD,
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
        verify = subprocess.run(
            [sys.executable, "-m", "foidesk.cli", "audit", "verify", "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        staff["audit_verify_exit"] = verify.returncode
        staff.update(child_json(__file__, ["--count"], env))
    section, ok = _section(load, staff)
    print(section)
    return 0 if ok else 1


def _load(base: str, master: int, facts: dict[str, Any]) -> dict[str, Any]:
    paths = [f"/disclosure-log/{slug}/" for slug in facts["slugs"]]
    paths += [f"/api/v1/disclosures/{ref}" for ref in facts["references"]]
    for query in http.QUERIES:
        encoded = urllib.parse.urlencode({"q": query})
        paths += [f"/disclosure-log/?{encoded}", f"/api/v1/disclosures?{encoded}"]
    random.Random(7).shuffle(paths)
    samples = [(0.0, http._worker_rss_kib(master))]
    slices = []
    started = time.monotonic()
    while time.monotonic() - started < SECONDS:
        slices.append(http._wrk_run(base, paths))
        samples.append((time.monotonic() - started, http._worker_rss_kib(master)))
    return {"slices": slices, "rss": samples}


def _slope_mib_per_hour(samples: list[tuple[float, int]]) -> float:
    """Least-squares slope of the workers' memory over the run (the first sample is before any load)."""
    points = samples[1:] if len(samples) > 2 else samples
    n = len(points)
    mean_t = sum(t for t, _ in points) / n
    mean_m = sum(m for _, m in points) / n
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    if spread == 0:
        return 0.0
    slope_kib_s = sum((t - mean_t) * (m - mean_m) for t, m in points) / spread
    return slope_kib_s * 3600 / 1024


_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_VERSION = re.compile(r'name="version" value="(\d+)"')


def staff_run(
    base: str, *, officers: dict[str, int], parts: list[str], cases: list[str], rounds: int, password: str
) -> dict[str, Any]:
    """Every officer (username: user id) in a thread with its own session over HTTP, at once: sign in,
    then ``rounds`` times either take a shared case (assign it to themselves, one time in three) or
    open a shared part's decision form and save it at the version it showed."""
    outcome: dict[str, Any] = {"landed": {}, "assigned": {}, "conflicts": 0, "errors": []}
    lock = threading.Lock()
    started = time.monotonic()
    threads = [
        threading.Thread(
            target=_officer, args=(base, name, user_id, parts, cases, rounds, password, outcome, lock)
        )
        for name, user_id in officers.items()
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome["seconds"] = time.monotonic() - started
    return outcome


def lost_updates(outcome: dict[str, Any], versions: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Parts whose decision version is not the number of saves that landed on it: (landed, version)."""
    landed: dict[str, int] = outcome["landed"]
    return {a: (landed.get(a, 0), v) for a, v in versions.items() if landed.get(a, 0) != v}


def _officer(
    base: str,
    username: str,
    user_id: int,
    parts: list[str],
    cases: list[str],
    rounds: int,
    password: str,
    outcome: dict[str, Any],
    lock: threading.Lock,
) -> None:
    import requests

    def note(key: str, value: object) -> None:
        with lock:
            if key == "errors":
                outcome["errors"].append(value)
            elif key == "conflicts":
                outcome["conflicts"] += 1
            else:
                outcome[key][value] = outcome[key].get(value, 0) + 1

    session = requests.Session()
    try:
        sign_in = session.get(f"{base}/staff/sign-in/", timeout=120)
        signed = session.post(
            f"{base}/staff/sign-in/",
            {"csrfmiddlewaretoken": _token(sign_in.text), "username": username, "password": password},
            headers={"Referer": f"{base}/staff/sign-in/"},
            timeout=120,
            allow_redirects=False,
        )
        if signed.status_code != 302:
            raise RuntimeError(f"sign-in answered {signed.status_code}")
    except (OSError, RuntimeError, requests.RequestException) as error:
        note("errors", f"{username}: {error}")
        return
    chooser = random.Random(username)
    for round_number in range(rounds):
        try:
            if chooser.random() < 1 / 3:
                reference = chooser.choice(cases)
                page = session.get(f"{base}/staff/cases/", timeout=120)
                taken = session.post(
                    f"{base}/staff/assignments/",
                    {"csrfmiddlewaretoken": _token(page.text), "officer": str(user_id), "case": reference},
                    headers={"Referer": f"{base}/staff/cases/"},
                    timeout=120,
                    allow_redirects=False,
                )
                if taken.status_code != 302:
                    raise RuntimeError(f"assigning answered {taken.status_code}")
                note("assigned", reference)
                continue
            address = chooser.choice(parts)
            page = session.get(f"{base}{address}", timeout=120)
            version = _VERSION.search(page.text)
            if page.status_code != 200 or version is None:
                raise RuntimeError(f"the decision page answered {page.status_code}")
            saved = session.post(
                f"{base}{address}",
                {
                    "csrfmiddlewaretoken": _token(page.text),
                    "version": version.group(1),
                    "outcome": "disclosed",
                    "answer": f"Answer by {username}, round {round_number}.",
                },
                headers={"Referer": f"{base}{address}"},
                timeout=120,
                allow_redirects=False,
            )
        except (OSError, RuntimeError, requests.RequestException) as error:
            note("errors", f"{username}: {error}")
            continue
        if saved.status_code == 302:
            note("landed", address)
        elif saved.status_code == 409:  # somebody saved first: the form was stale (optimistic locking)
            note("conflicts", None)
        else:
            note("errors", f"{username}: saving answered {saved.status_code}")


def _token(page: str) -> str:
    found = _CSRF.search(page)
    if found is None:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def _section(load: dict[str, Any], staff: dict[str, Any]) -> tuple[str, bool]:
    slices = load["slices"]
    requests = sum(s["requests"] for s in slices)
    errors = sum(s["errors"] for s in slices)
    seconds = SLICE * len(slices)
    rss = load["rss"]
    slope = _slope_mib_per_hour(rss)
    worst_p95 = max(s["p95_ms"] for s in slices)
    versions: dict[str, int] = staff["versions"]
    lost = lost_updates(staff, versions)
    landed = sum(staff["landed"].values())
    assigned = sum(staff["assigned"].values())
    assignments_recorded = staff["assignment_events"] == assigned
    ok = (
        errors == 0
        and not lost
        and not staff["errors"]
        and staff["audit_verify_exit"] == 0
        and assignments_recorded
    )
    lines = [
        "## Soak (make soak)",
        "",
        f"Public log and API: {seconds} s in {len(slices)} slices of {SLICE} s, wrk at {http.CLIENTS} "
        f"connections, gunicorn {http.WORKERS} workers, PostgreSQL, {http.N:,} entries.",
        "",
        "| requests | requests/s | errors | p95 worst slice | workers' RSS first / last | slope |",
        "|---|---|---|---|---|---|",
        f"| {requests:,.0f} | {requests / max(seconds, 1):.0f} | {errors:.0f} | {worst_p95:.0f} ms | "
        f"{rss[1][1] / 1024:.0f} / {rss[-1][1] / 1024:.0f} MiB | {slope:+.1f} MiB/hour |",
        "",
        f"RSS samples (s, MiB): {', '.join(f'{t:.0f}:{m / 1024:.0f}' for t, m in rss)}.",
        "",
        f"Staff: {STAFF} case officers signed in over HTTP at once, {ROUNDS} actions each (a decision on "
        f"one of {len(versions)} shared parts, or taking one of {CASES} shared cases), in "
        f"{staff['seconds']:.0f} s: {landed} decisions landed, {staff['conflicts']} refused as conflicts, "
        f"{assigned} assignments ({staff['assignment_events']} audited), {len(staff['errors'])} errors; "
        f"parts whose version differs from the saves that landed (lost updates): {len(lost)}; "
        f"`foidesk audit verify` exit {staff['audit_verify_exit']} over {staff['audit_events']} events.",
    ]
    if staff["errors"]:
        lines += ["", "Errors: " + "; ".join(staff["errors"][:10])]
    return "\n".join(lines) + "\n", ok


def _prepare() -> None:
    """In the child: migrate, load the log, and open the shared cases and the officers."""
    import datetime as dt

    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from log_fixture import log_load

    from foidesk.web.accounts.roles import Role
    from foidesk.web.cases import services
    from foidesk.web.publication.models import Publication
    from foidesk.web.publication.search import refresh_search_terms

    call_command("migrate", verbosity=0)
    log_load(http.N)
    refresh_search_terms()
    step = max(1, http.N // 300)
    entries = Publication.objects.filter(pk__in=range(1, http.N + 1, step))
    group = Group.objects.get(name=Role.CASE_OFFICER.value)
    officers = []
    for n in range(STAFF):
        user = User.objects.create_user(
            f"officer{n:02d}", password=PASSWORD, first_name="Soak", last_name=f"{n}"
        )
        user.groups.add(group)
        officers.append(user)
    parts, cases = [], []
    for n in range(CASES):
        case = services.request_open(
            text=f"Soak request {n}.",
            requester_name="Soak Requester",
            received_on=dt.date(2026, 11, 2),
            actor=officers[0],
            parse=False,
        )
        services.request_parts_set(
            request=case,
            actor=officers[0],
            parts=[
                services.PartSpec(label=f"Q{q}", text=f"Question {q}?", question_number=q)
                for q in range(1, 4)
            ],
        )
        services.request_assign(request=case, officer=officers[n], actor=officers[n])
        cases.append(case.reference)
        parts += [f"/staff/cases/{case.reference}/parts/{q}/decision/" for q in range(1, PARTS + 1)]
    print(
        json.dumps(
            {
                "slugs": list(entries.values_list("slug", flat=True)),
                "references": list(entries.values_list("reference", flat=True)[:100]),
                "officers": {u.username: u.pk for u in officers},
                "parts": parts,
                "cases": cases,
            }
        )
    )


def _count() -> None:
    """In the child: every shared part's decision version, and the audit chain's length."""
    import django

    django.setup()
    from foidesk.web.audit.actions import AuditAction
    from foidesk.web.audit.models import AuditEvent
    from foidesk.web.cases.models import Part

    versions = {}
    for part in Part.objects.select_related("request", "decision"):
        decision = getattr(part, "decision", None)
        address = f"/staff/cases/{part.request.reference}/parts/{part.position}/decision/"
        versions[address] = decision.version if decision is not None else 0
    assignments = AuditEvent.objects.filter(action=AuditAction.REQUEST_ASSIGNED).count() - CASES  # set-up's
    print(
        json.dumps(
            {
                "versions": versions,
                "audit_events": AuditEvent.objects.count(),
                "assignment_events": assignments,
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--prepare"]:
        _prepare()
    elif sys.argv[1:] == ["--count"]:
        _count()
    else:
        raise SystemExit(main())
