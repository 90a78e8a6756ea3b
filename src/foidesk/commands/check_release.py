"""``foidesk check-release FILE... [--json]``: the release gate from the shell.

Exit 0 when every file is clean, 1 when any has findings, 2 when any could not be read
(DESIGN.md, the command-line contract).
"""

from __future__ import annotations

import argparse
import sys

from foidesk import deployment_secret
from foidesk.commands import emit_json
from foidesk.core.release_check import FileReport, InspectionLimits, check_file

NAME = "check-release"
HELP = "Check files before release: hidden sheets, rows, comments, metadata, formulas and more."

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to check (any format)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--no-render",
        action="store_true",
        help="skip the second opinion of a renderer (LibreOffice, PDFium): faster, and it misses more",
    )


def run(args: argparse.Namespace) -> int:
    deployment_secret.share_pdf_seal_key()  # the key the copies were sealed with
    limits = InspectionLimits(render=not args.no_render)
    reports = [check_file(path, limits) for path in args.files]
    if args.json:
        emit_json({"files": [report.as_dict() for report in reports]})
    else:
        sys.stdout.write("".join(_text(report) for report in reports))
    return exit_code(reports)


def exit_code(reports: list[FileReport]) -> int:
    if any(report.unreadable for report in reports):
        return EXIT_UNREADABLE
    if any(not report.clean for report in reports):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _text(report: FileReport) -> str:
    if report.clean:
        return f"{report.path}: clean\n"
    lines = [f"{report.path}: {len(report.findings)} finding(s)"]
    lines += [f"  {f.severity.value:5}  {f.code}  {f.where}: {f.message}" for f in report.findings]
    return "\n".join(lines) + "\n"
