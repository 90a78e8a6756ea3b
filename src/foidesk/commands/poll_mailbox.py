"""`foidesk poll-mailbox`: fetch the unseen messages of the IMAP mailbox now and open cases from them.

Exit 0 when every message fetched was stored, 1 when some were left unseen for the next poll (or the
mailbox stopped answering part way), 2 when the mailbox is not configured or cannot be opened.
"""

from __future__ import annotations

import argparse
import sys

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "poll-mailbox"
HELP = "Fetch unseen messages from the IMAP mailbox now and open a case from each (FOIDESK_IMAP_*)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from foidesk.web.cases.tasks import MailboxError, mailbox_poll

    try:
        report = mailbox_poll.call()
    except MailboxError as error:
        raise CommandFailed(str(error)) from error
    if not report["configured"]:
        raise CommandFailed(
            "no mailbox is configured: set FOIDESK_IMAP_HOST (and the other FOIDESK_IMAP_ settings)"
        )
    if args.json:
        emit_json(report)
    else:
        print(
            f"{report['fetched']} fetched: {report['opened']} opened as cases, "
            f"{report['duplicates']} duplicates, {report['failed']} could not be read, "
            f"{report['left_unseen']} left unseen."
        )
        for problem in report["errors"]:
            print(problem, file=sys.stderr)
    return 1 if report["errors"] else 0
