"""`foidesk audit verify`: walk the hash-chained audit trail and report the first broken event."""

from __future__ import annotations

import argparse

from foidesk.commands import emit_json, setup_django

NAME = "audit"
HELP = "Verify the audit trail's hash chain (exit 0 intact, 1 broken)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["verify"])
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from foidesk.web.audit.services import audit_verify

    result = audit_verify()
    if args.json:
        emit_json(result)
    elif result["ok"]:
        print(f"Audit trail intact: {result['events']} events.")
    else:
        print(f"Audit trail BROKEN at event {result['first_broken']} (of {result['events']}).")
    return 0 if result["ok"] else 1
