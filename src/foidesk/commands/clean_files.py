"""`foidesk clean-files`: remove files in the store that no record refers to (what a crash leaves).

Run it daily from cron (src/foidesk/web/storage_sweep.py). ``--dry-run`` lists them and removes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "clean-files"
HELP = "Remove stored files no record refers to, older than --grace-minutes (--dry-run: only list them)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="list what would be removed; remove nothing")
    parser.add_argument(
        "--grace-minutes",
        type=int,
        default=60,
        help="keep files written in the last N minutes: a write may be in progress (default 60)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    if args.grace_minutes < 1:
        raise CommandFailed("--grace-minutes must be at least 1: a file being written now must be kept")
    setup_django()
    from django.utils import timezone

    from foidesk.web.storage_sweep import unreferenced_files_sweep

    report = unreferenced_files_sweep(
        now=timezone.now(), grace=dt.timedelta(minutes=args.grace_minutes), dry_run=args.dry_run
    )
    if args.json:
        emit_json(report.as_dict())
        return 0
    verb = "Would remove" if args.dry_run else "Removed"
    print(
        f"{verb} {len(report.removed)} file(s) no record refers to ({report.removed_bytes:,} bytes); "
        f"{report.referenced} referenced, {report.kept_recent} too recent to judge."
    )
    for name in report.removed:
        print(f"  {name}")
    return 0
