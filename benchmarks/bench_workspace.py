"""The staff workspace on PostgreSQL with 100,000 cases: case list, my work, overview and statistics.

Creates a scratch database (foidesk_workspace_bench), migrates it, bulk-creates 100,000 requests
over five years (20,000 a year: due dates from the clock, realistic states, a backlog, 20 officers),
and renders each page through Django's test client, timing p50 and p95 over repeated requests after
a warm-up. The database work runs in a child process with DATABASE_URL pointing at the scratch
database, which is dropped afterwards. FOIDESK_BENCH_WORKSPACE_N sets another size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SERVER = os.environ.get("FOIDESK_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "foidesk_workspace_bench"
N = int(os.environ.get("FOIDESK_BENCH_WORKSPACE_N", "100000"))
YEARS = 5
OFFICERS = 20
REPEATS = 30
WARM_UP = 3
LIST_TARGET_MS = 300
STATISTICS_TARGET_MS = 1000
SEED = 1

PAGES = {
    "case list, open cases (page 1)": ("/staff/cases/", LIST_TARGET_MS),
    "case list, all cases, page 1,000": ("/staff/cases/?show=all&page=1000", LIST_TARGET_MS),
    "case list, overdue": ("/staff/cases/?show=overdue", LIST_TARGET_MS),
    "case list, text search and regime": ("/staff/cases/?show=all&q=taser&regime=foia", LIST_TARGET_MS),
    "my work": ("/staff/my-work/", LIST_TARGET_MS),
    "overview (counts in one query)": ("/staff/", LIST_TARGET_MS),
    "statistics (a year of 20,000 requests, workload per officer)": (
        "/staff/statistics/",
        STATISTICS_TARGET_MS,
    ),
}


def main() -> str:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DATABASE}")
    try:
        env = {
            **os.environ,
            "DATABASE_URL": f"{SERVER}/{DATABASE}",
            "DJANGO_SETTINGS_MODULE": "foidesk.web.settings_test",
        }
        child = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if child.returncode != 0:
            raise RuntimeError(f"bench_workspace child failed:\n{child.stderr}")
        figures = json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    return _section(figures)


def _section(figures: dict[str, Any]) -> str:
    lines = [
        "## Staff workspace on PostgreSQL: case lists, my work, statistics",
        "",
        f"{figures['n']:,} requests over {YEARS} years "
        f"({figures['last_year']:,} received in the last 12 months; {figures['open']:,} open, "
        f"{figures['overdue']:,} of them overdue), {OFFICERS} officers, in PostgreSQL {figures['server']}. "
        "Each page rendered through Django's test client as a signed-in decision maker "
        f"({figures['mine']:,} open cases of their own); {REPEATS} requests after {WARM_UP} warm-ups. "
        f"Bulk-created in {figures['load_s']:.1f} s.",
        "",
        "| page | p50 | p95 | target (p95) | met? |",
        "|---|---|---|---|---|",
    ]
    for name, result in figures["pages"].items():
        target = result["target_ms"]
        met = "yes" if result["p95_ms"] < target else "no"
        lines.append(
            f"| {name} | {result['p50_ms']:.0f} ms | {result['p95_ms']:.0f} ms | < {target:,} ms | {met} |"
        )
    return "\n".join(lines) + "\n"


# --- the child: runs against the scratch database ---------------------------------------------------


def _child() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host and an in-memory mail outbox

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    user, counts = _populate()
    load_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    pages = {name: _time_page(user, url, target) for name, (url, target) in PAGES.items()}
    print(json.dumps({"n": N, "server": server, "load_s": load_s, "pages": pages, **counts}))


def _populate() -> tuple[Any, dict[str, int]]:
    """Bulk-create the officers and N requests; returns the benchmark's user and some counts."""
    import datetime as dt

    import numpy as np
    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from foidesk.core import clock
    from foidesk.core.regime import Regime
    from foidesk.core.workflow import OPEN_STATES, State
    from foidesk.web.accounts.roles import Role
    from foidesk.web.cases.models import Request

    rng = np.random.default_rng(SEED)
    today = timezone.localdate()
    officers = []
    deciders = Group.objects.get(name=Role.DECISION_MAKER.value)
    case_officers = Group.objects.get(name=Role.CASE_OFFICER.value)
    for i in range(OFFICERS):
        officer = User.objects.create(username=f"officer{i}", first_name="Officer", last_name=f"{i:02d}")
        officer.groups.add(deciders if i == 0 else case_officers)
        officers.append(officer)

    days = YEARS * 365
    received = np.sort(today.toordinal() - rng.integers(0, days, size=N))
    regimes = rng.choice(["foia", "eir", "foisa"], size=N, p=[0.9, 0.08, 0.02])
    due = clock.response_due_ordinals(received, regimes == "foisa", clock.default_calendar())
    age = today.toordinal() - received
    outcome = rng.random(N)
    extended = (regimes == "eir") & (rng.random(N) < 0.3)
    extended_due = np.where(extended, due + 28, 0)
    # Answered: most within 20 working days, some within an extension, some late; recent ones still open.
    answered_after = np.where(outcome < 0.85, rng.integers(5, 27, size=N), rng.integers(29, 80, size=N))
    is_open = (received + answered_after >= today.toordinal()) | (outcome > 0.985)
    open_states = [s.value for s in sorted(OPEN_STATES)]
    answered_states = [
        State.SENT.value,
        State.PUBLISHED.value,
        State.CLOSED.value,
        State.NOT_FOR_PUBLICATION.value,
    ]
    words = ["Taser discharges", "overtime spend", "vehicle pursuits", "vetting refusals", "stop and search"]
    rows = []
    for i in range(N):
        day = dt.date.fromordinal(int(received[i]))
        status = (
            open_states[int(rng.integers(len(open_states)))]
            if is_open[i]
            else answered_states[int(rng.integers(len(answered_states)))]
        )
        responded = None if is_open[i] else dt.date.fromordinal(int(received[i] + answered_after[i]))
        officer = officers[int(rng.integers(OFFICERS))] if rng.random() < 0.92 or not is_open[i] else None
        rows.append(
            Request(
                reference=f"01.FOI.{day.year % 100:02d}.{i + 1:06d}",
                title=f"{words[i % len(words)].capitalize()} in {day.year - 1}",
                regime=str(Regime(str(regimes[i]))),
                channel=("web", "email", "post", "api")[i % 4],
                received_on=day,
                text=f"Please tell me the {words[i % len(words)]} in {day.year - 1}.",
                requester_name="A. Requester",
                requester_email="requester@example.org",
                status=status,
                assigned_to=officer,
                due_on=dt.date.fromordinal(int(due[i])),
                extended_due_on=dt.date.fromordinal(int(extended_due[i])) if extended_due[i] else None,
                responded_on=responded,
                is_synthetic=True,
            )
        )
    Request.objects.bulk_create(rows, batch_size=5000)
    user = officers[0]
    last_year = int((age < 365).sum())
    open_count = int(is_open.sum())
    last_day = np.where(extended_due > 0, extended_due, due)
    overdue = int((is_open & (last_day < today.toordinal())).sum())
    mine = Request.objects.filter(assigned_to=user, status__in=open_states).count()
    return user, {"last_year": last_year, "open": open_count, "overdue": overdue, "mine": mine}


def _time_page(user: Any, url: str, target_ms: int) -> dict[str, float]:
    import statistics

    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    # Staff pages need a session that passed two-factor, as after a real sign-in (django_otp.login).
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="Benchmark", defaults={"confirmed": True})
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    for _ in range(WARM_UP):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"p50_ms": statistics.median(times), "p95_ms": p95, "target_ms": target_ms}


if __name__ == "__main__":
    if "--child" in sys.argv:
        _child()
    else:
        print(main())
