"""`foidesk retention`: erase the requester data of finished cases past the retention period.

UK GDPR Art. 5(1)(e) storage limitation (src/foidesk/web/cases/retention.py). Run it daily from cron;
``--dry-run`` lists what would be erased and changes nothing.
"""

from __future__ import annotations

import argparse

from foidesk.commands import emit_json, setup_django, today_argument

NAME = "retention"
HELP = "Erase requester data of finished cases past FOIDESK_RETENTION_DAYS (--dry-run: only list them)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="list what would be erased; change nothing")
    parser.add_argument("--today", help="the day to count from (YYYY-MM-DD); default: today")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from foidesk.web.cases.retention import retention_sweep

    today = today_argument(args.today)
    report = retention_sweep(today=today, dry_run=args.dry_run)
    if args.json:
        emit_json(report.as_dict())
        return 0
    verb = "Would erase" if args.dry_run else "Erased"
    print(f"{verb} requester data of {len(report.erased)} case(s) that ended before {report.cutoff}.")
    for plan in report.erased:
        removed = ", ".join(f"{kind} ({n})" for kind, n in sorted(plan.text_removals.items())) or "nothing"
        print(
            f"  {plan.reference} (ended {plan.ended_on}): {', '.join(plan.fields) or 'no fields'}; "
            f"from the text: {removed}; {plan.inbound_emails} received and {plan.sent_emails} sent message(s)"
        )
    for skipped in report.skipped:
        print(f"  skipped {skipped.reference}: {skipped.reason}")
    return 0
