"""`foidesk lapse`: close the requests whose fee or clarification never came (run it daily from cron)."""

from __future__ import annotations

import argparse

from foidesk.commands import emit_json, setup_django, today_argument

NAME = "lapse"
HELP = "Close as lapsed the requests whose fee (s.9(2) FOIA) or clarification is overdue."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", help="the day to judge from (YYYY-MM-DD); default: today")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from foidesk.web.cases.workflow import lapse_sweep

    today = today_argument(args.today)
    lapsed = lapse_sweep(today=today)
    if args.json:
        emit_json({"today": today.isoformat(), "lapsed": lapsed})
        return 0
    print(f"{len(lapsed)} request(s) closed as lapsed" + (f": {', '.join(lapsed)}." if lapsed else "."))
    return 0
