"""`foidesk backup -o ARCHIVE`: the database and every stored file, with checksums and the audit head."""

from __future__ import annotations

import argparse
from pathlib import Path

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "backup"
HELP = "Back up the database and every stored file into one checked archive (restore with `foidesk restore`)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, metavar="ARCHIVE", help="the archive to write (a new file)"
    )
    parser.add_argument(
        "--database-format",
        choices=["auto", "dumpdata"],
        default="auto",
        help="auto: SQLite's backup API or pg_dump; dumpdata: Django's, portable between engines (slower)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.db import DatabaseError

    from foidesk.web.backup import BackupError, backup_create

    archive = Path(args.output)
    try:
        manifest = backup_create(archive, database_format=args.database_format)
    except BackupError as error:
        raise CommandFailed(str(error)) from error
    except DatabaseError as error:
        raise CommandFailed(f"the database: {error}".strip()) from error
    members = manifest["members"]
    summary = {
        "archive": str(archive),
        "bytes": archive.stat().st_size,
        "database": manifest["database"],
        "files": manifest["files"],
        "members": len(members),
        "audit_head": manifest["audit_head"],
        "audit_verified": manifest["audit_verified"]["ok"],
        "referenced_files_missing": manifest["referenced_files_missing"],
        "migrations": len(manifest["migrations"]),
        "created_at": manifest["created_at"],
    }
    if args.json:
        emit_json(summary)
    else:
        head = manifest["audit_head"]
        print(
            f"Backed up to {archive}: the database ({manifest['database']['format']}), "
            f"{manifest['files']} files."
        )
        if "note" in manifest["database"]:
            print(f"Note: {manifest['database']['note']}.")
        print(
            f"Audit head {head['events']}:{head['hash']} (keep it elsewhere: `foidesk audit verify --head`)."
        )
        if not manifest["audit_verified"]["ok"]:
            print("WARNING: the audit trail did not verify when this backup was made.")
        for name in manifest["referenced_files_missing"]:
            print(f"WARNING: the database names {name}, which is not in the media folder.")
    return 0
