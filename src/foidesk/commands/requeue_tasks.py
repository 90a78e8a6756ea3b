"""`foidesk requeue-tasks`: put background tasks a dead worker left running back in the queue.

Run it from cron every few minutes beside ``manage.py db_worker`` (src/foidesk/web/task_queue.py).
"""

from __future__ import annotations

import argparse
import datetime as dt

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "requeue-tasks"
HELP = "Queue again the background tasks claimed more than --stale-minutes ago and still running."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stale-minutes",
        type=int,
        default=60,
        help="a task running longer than this was left by a dead worker (default 60; longer than any task)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    if args.stale_minutes < 1:
        raise CommandFailed("--stale-minutes must be at least 1: a task running now must be left alone")
    setup_django()
    from django.utils import timezone

    from foidesk.web.task_queue import stale_tasks_requeue

    report = stale_tasks_requeue(now=timezone.now(), stale_after=dt.timedelta(minutes=args.stale_minutes))
    if args.json:
        emit_json(report.as_dict())
        return 0
    print(f"Queued {len(report.requeued)} task(s) again; {report.still_running} running within the limit.")
    for task in report.requeued:
        print(f"  {task['id']}  {task['task']}")
    return 0
