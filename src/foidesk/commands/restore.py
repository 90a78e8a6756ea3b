"""`foidesk restore ARCHIVE`: check every member, load the database and files, verify the audit chain."""

from __future__ import annotations

import argparse
from pathlib import Path

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "restore"
HELP = (
    "Restore a `foidesk backup` archive into an empty database (exit 0 restored and verified, "
    "1 restored but not verified)."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("archive", metavar="ARCHIVE")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace a database that holds data (files already stored are moved aside, not deleted)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.db import DatabaseError

    from foidesk.web.backup import BackupError, restore

    try:
        result = restore(Path(args.archive), force=args.force)
    except BackupError as error:
        raise CommandFailed(str(error)) from error
    except DatabaseError as error:
        raise CommandFailed(f"the database: {error}".strip()) from error
    if args.json:
        emit_json(result)
        return 0 if result["ok"] else 1
    print(f"Restored {args.archive}: the database ({result['database']}), {result['files']} files.")
    if result["moved_aside"]:
        print(f"The files that were there are in {result['moved_aside']}.")
    audit = result["audit"]
    if result["ok"]:
        where = "ending at" if audit["ends_at_backup_head"] else "reaching"
        print(f"Audit trail intact: {audit['events']} events, {where} the head the backup recorded.")
    else:
        print(f"NOT VERIFIED: audit {audit}; migrations match: {result['migrations_match_backup']}.")
    if result["pending_migrations"]:
        print(f"{len(result['pending_migrations'])} migrations to apply: run `manage.py migrate`.")
    return 0 if result["ok"] else 1
