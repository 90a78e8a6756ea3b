"""`foidesk lapse`: close the requests whose fee or clarification never came (run it daily from cron)."""

from __future__ import annotations

import argparse
import datetime as dt

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "lapse"
HELP = "Close as lapsed the requests whose fee (s.9(2) FOIA) or clarification is overdue."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", help="the day to judge from (YYYY-MM-DD); default: today")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.utils import timezone

    from foidesk.web.cases.workflow import lapse_sweep

    try:
        today = dt.date.fromisoformat(args.today) if args.today else timezone.localdate()
    except ValueError as error:
        raise CommandFailed(f"--today: {error}") from error
    lapsed = lapse_sweep(today=today)
    if args.json:
        emit_json({"today": today.isoformat(), "lapsed": lapsed})
        return 0
    print(f"{len(lapsed)} request(s) closed as lapsed" + (f": {', '.join(lapsed)}." if lapsed else "."))
    return 0
