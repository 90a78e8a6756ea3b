"""Backup and restore round trip of a demo deployment, on SQLite and on PostgreSQL.

For each engine: a scratch data folder (and, for PostgreSQL, a scratch database
foidesk_bench_backup on FOIDESK_BENCH_POSTGRES), `migrate`, `foidesk demo --entries N`, then
`foidesk backup`, an emptied database and deleted files, `foidesk restore` (which verifies the audit
chain against the head the backup recorded). Times are wall-clock of the whole command, start-up
included; memory is the command's peak RSS. Set FOIDESK_BENCH_BACKUP_ENTRIES for another log size.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = ROOT / ".venv" / "bin"
SERVER = os.environ.get("FOIDESK_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "foidesk_bench_backup"
ENTRIES = int(os.environ.get("FOIDESK_BENCH_BACKUP_ENTRIES", "20000"))
# No target is set for a backup; a restore must finish well inside a working morning.


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall time, this child's own peak RSS in MiB (os.wait4), and its standard output."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        child = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise subprocess.CalledProcessError(child.returncode, argv)
        out.seek(0)
        return elapsed, usage.ru_maxrss // 1024, out.read().decode()


def _round_trip(engine: str, folder: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "FOIDESK_VAR_DIR": str(folder / "var"),
        "FOIDESK_STATIC_MANIFEST": "0",
        "FOIDESK_RENDER": "0",
    }
    env.pop("DATABASE_URL", None)
    if engine == "postgresql":
        env["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
        _psql(f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}")
    subprocess.run(
        [str(BIN / "python"), "manage.py", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )
    subprocess.run(
        [str(BIN / "foidesk"), "demo", "--entries", str(ENTRIES), "--json"],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    archive = folder / "backup.tar"
    backup_s, backup_mib, out = _run([str(BIN / "foidesk"), "backup", "-o", str(archive), "--json"], env)
    made = json.loads(out)
    subprocess.run(
        [str(BIN / "python"), "manage.py", "flush", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
    )
    shutil.rmtree(folder / "var" / "media", ignore_errors=True)
    restore_s, restore_mib, out = _run([str(BIN / "foidesk"), "restore", str(archive), "--json"], env)
    restored = json.loads(out)
    if engine == "postgresql":
        _psql(f"DROP DATABASE IF EXISTS {DATABASE}")
    return {
        "engine": engine,
        "format": made["database"]["format"],
        "archive_mib": archive.stat().st_size / 1024 / 1024,
        "files": made["files"],
        "events": made["audit_head"]["events"],
        "backup_s": backup_s,
        "backup_mib": backup_mib,
        "restore_s": restore_s,
        "restore_mib": restore_mib,
        "verified": restored["ok"],
    }


def _psql(*commands: str) -> None:
    args = ["psql", "-q", "-d", f"{SERVER}/postgres"]
    for command in commands:
        args += ["-c", command]
    subprocess.run(args, check=True, capture_output=True)


def main() -> str:
    rows = []
    for engine in ("sqlite", "postgresql"):
        with tempfile.TemporaryDirectory(prefix="foidesk-bench-backup-") as folder:
            rows.append(_round_trip(engine, Path(folder)))
    lines = [
        "## Backup and restore",
        "",
        f"The demo data with {ENTRIES:,} synthetic log entries: `foidesk backup`, then `foidesk restore` "
        "into an emptied database with the files deleted (benchmarks/bench_backup.py). Times include "
        "the command's start-up; memory is its peak RSS.",
        "",
        "| Engine | Database format | Archive | Files | Audit events | Backup | Restore (verified) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['engine']} | {r['format']} | {r['archive_mib']:.1f} MiB | {r['files']} | {r['events']} | "
            f"{r['backup_s']:.1f} s, {r['backup_mib']} MiB | {r['restore_s']:.1f} s, {r['restore_mib']} MiB "
            f"({'yes' if r['verified'] else 'NO'}) |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
