"""``foidesk sanitise FILE -o OUT [--json]``: a clean copy that keeps what a reader sees.

Spreadsheets become a fresh workbook of visible values, CSV files get their formulas neutralised;
the copy is checked before it is kept, and ``--json`` prints the copy's check report.
"""

from __future__ import annotations

import argparse
import os
import sys

from foidesk import deployment_secret
from foidesk.commands import CommandFailed, emit_json
from foidesk.core.release_check import CannotSanitise, InspectionLimits, sanitise_file

NAME = "sanitise"
HELP = "Write a clean copy of a file: values only, nothing hidden, no metadata."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the file to copy")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="where to write the clean copy")
    parser.add_argument("--json", action="store_true", help="print the copy's check report as JSON")
    parser.add_argument(
        "--no-render",
        action="store_true",
        help="check the copy without the second opinion of a renderer (LibreOffice, PDFium)",
    )


def run(args: argparse.Namespace) -> int:
    deployment_secret.share_pdf_seal_key()  # the web app recognises the copies this command makes
    if not os.path.isfile(args.file):
        raise CommandFailed(f"cannot read {args.file}: no such file", exit_code=2)
    if os.path.abspath(args.file) == os.path.abspath(args.output):
        raise CommandFailed("the clean copy must not overwrite the original", exit_code=2)
    try:
        report = sanitise_file(args.file, args.output, InspectionLimits(render=not args.no_render))
    except CannotSanitise as error:
        raise CommandFailed(f"no clean copy of {args.file}: {error}", exit_code=2) from error
    if args.json:
        emit_json(report.as_dict())
    else:
        sys.stdout.write(f"{args.output}: clean copy written\n")
    return 0
