"""`foidesk send-mail`: send what the outbox holds (messages refused by the mail server, or whose
sender died after claiming them). Run it from cron every few minutes (src/foidesk/web/cases/outbox.py).
"""

from __future__ import annotations

import argparse

from foidesk.commands import emit_json, setup_django

NAME = "send-mail"
HELP = "Send the messages to requesters that are waiting in the outbox or were refused by the mail server."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from foidesk.web.cases.outbox import outbox_flush

    report = outbox_flush()
    if args.json:
        emit_json(report.as_dict())
        return 0 if not report.failed else 1
    print(f"Sent {report.sent} message(s); {report.failed} refused; {report.waiting} not sent yet.")
    for error in report.errors:
        print(f"  message {error['id']}: {error['error']}")
    return 0 if not report.failed else 1
