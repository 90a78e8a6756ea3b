"""`foidesk audit verify` and `foidesk audit head`: the hash-chained audit trail, checked and anchored.

``verify`` walks the chain and reports the first broken event. ``--head`` also checks the chain against
an anchor kept outside the database (a hash, ``EVENTS:HASH``, a JSON file from ``audit head --json``, or
a backup archive or its manifest): the chain must still reach it, so deleting the last events, or all of
them, is found. ``head`` prints the chain's end to keep, signed when FOIDESK_AUDIT_HEAD_KEY is set.
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path
from typing import Any

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "audit"
HELP = "Verify the audit trail's hash chain (exit 0 intact, 1 broken), or print its head to keep elsewhere."

MANIFEST_NAME = "manifest.json"  # a backup archive's manifest (foidesk backup)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["verify", "head"])
    parser.add_argument(
        "--head",
        metavar="ANCHOR",
        help="verify: the chain must still reach this head "
        "(HASH, EVENTS:HASH, a JSON file or a backup archive)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    if args.action == "head" and args.head:
        raise CommandFailed("--head goes with verify")
    setup_django()
    from foidesk.web.audit.services import AnchorInvalid, anchor_parse, audit_head

    if args.action == "head":
        head = audit_head()
        if args.json:
            emit_json(head)
        else:
            print(f"{head['events']}:{head['hash']}")
            if head["signature"]:
                print(f"signature {head['signature']}")
        return 0
    anchor = None
    if args.head:
        try:
            anchor = anchor_parse(_anchor_source(args.head))
        except AnchorInvalid as error:
            raise CommandFailed(f"--head: {error}") from error
    return _verify(anchor, as_json=args.json)


def _verify(anchor: dict[str, Any] | None, *, as_json: bool) -> int:
    from foidesk.web.audit.services import audit_verify, audit_verify_anchor

    result = audit_verify() if anchor is None else audit_verify_anchor(anchor)
    if as_json:
        emit_json(result)
    elif result["ok"]:
        reach = " and reaches the anchored head" if anchor is not None else ""
        print(f"Audit trail intact{reach}: {result['events']} events.")
    elif result["reason"] == "anchor_missing":
        print(
            f"Audit trail BROKEN: the anchored head {anchor['hash'] if anchor else ''} is not in the chain "
            f"({result['events']} events): events were deleted or the chain rewritten."
        )
    elif result["reason"] == "anchor_position":
        print(
            f"Audit trail BROKEN: the anchored head is not event number {anchor['events'] if anchor else ''}."
        )
    else:
        print(f"Audit trail BROKEN at event {result['first_broken']} (of {result['events']}).")
    return 0 if result["ok"] else 1


def _anchor_source(value: str) -> str | dict[str, Any]:
    """The anchor as given: a file (JSON, or a backup archive's manifest) if one exists at VALUE."""
    path = Path(value)
    if not path.is_file():
        return value
    try:
        if tarfile.is_tarfile(path):
            with tarfile.open(path) as archive:
                member = archive.extractfile(MANIFEST_NAME)
                if member is None:
                    raise CommandFailed(f"--head: {value} has no {MANIFEST_NAME}")
                data = member.read()
        else:
            data = path.read_bytes()
    except KeyError as error:
        raise CommandFailed(f"--head: {value} is an archive without {MANIFEST_NAME}") from error
    except (OSError, tarfile.TarError) as error:
        raise CommandFailed(f"--head: cannot read {value}: {error}") from error
    try:
        loaded = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return data.decode("utf-8", errors="replace")
    if not isinstance(loaded, dict):
        raise CommandFailed(f"--head: {value} holds no JSON object")
    return loaded
