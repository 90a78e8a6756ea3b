"""`foidesk letter`: a case's response letter (s.17 refusal notice) as HTML, tagged PDF or DOCX."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from foidesk.commands import CommandFailed, date_argument, emit_json, setup_django

NAME = "letter"
HELP = "Write a case's response letter (HTML, tagged PDF or DOCX), refused if it fails the s.17 checks."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference", help="the case reference, e.g. 01.FOI.24.000001")
    parser.add_argument("--format", choices=("html", "pdf", "docx"), default="html", help="default html")
    parser.add_argument("-o", "--output", default="-", metavar="OUT", help="file to write (default: stdout)")
    parser.add_argument(
        "--issued",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="the date of the letter (default: the response date, else today)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object describing the result")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from foidesk.render.letters import LetterRefused
    from foidesk.web.cases.letters import letter_for_case
    from foidesk.web.cases.selectors import case_by_reference

    request = case_by_reference(args.reference)
    if request is None:
        raise CommandFailed(f"no case with reference {args.reference!r}", 2)
    try:
        content = letter_for_case(request, args.format, issued=args.issued)
    except LetterRefused as refused:
        lines = [f"{f.code}  {f.where}: {f.message}" for f in refused.findings]
        if args.json:
            emit_json(
                {
                    "reference": request.reference,
                    "ok": False,
                    "findings": [f.as_dict() for f in refused.findings],
                }
            )
        raise CommandFailed(
            "the response does not meet s.17 FOIA; fix these first:\n" + "\n".join(lines), 1
        ) from refused
    if args.output == "-":
        if args.json:
            raise CommandFailed("--json needs -o OUT (the letter cannot share stdout with the JSON)", 2)
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    else:
        try:
            Path(args.output).write_bytes(content)
        except OSError as error:
            raise CommandFailed(f"cannot write {args.output}: {error.strerror}", 2) from error
    if args.json:
        emit_json(
            {
                "reference": request.reference,
                "ok": True,
                "format": args.format,
                "output": args.output,
                "bytes": len(content),
            }
        )
    elif args.output != "-":
        print(f"wrote {args.output} ({len(content)} bytes)", file=sys.stderr)
    return 0
