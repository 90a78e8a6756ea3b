"""`foidesk check-notice`: check a response against s.17 FOIA, reg 14 EIR or ss.16-19 FOISA.

FILE (or ``-`` for standard input) is either
- a letter as plain text (pasted from an email, a web page or a PDF): the exemptions it cites are read
  from it, and it is checked for the reasons, a public interest test that weighs factors, the s.21
  pointer, the s.12 estimate, the internal review and the right to complain to the regulator; for what it
  states as law (a repealed statute, the regulator, the review window, the cost limit, an exemption
  called absolute or qualified); and for what it cites (another regime's exemptions, a section with limbs
  cited alone, a subsection for another ground, an EIR "not held" without reg 12(4)(a)); or
- a response as a JSON object (detected by its opening ``{``, or forced with ``--input json``)::

    {"reference": "01.FOI.22.024648", "regime": "foia", "issued": "2022-06-10", "due": "2022-06-17",
     "review_rights": "...", "ico_rights": "...", "public_interest_decision_due": null,
     "parts": [{"label": "Request 1, Q3", "outcome": "withheld",
                "exemptions": [{"code": "s.31(1)(g)", "reasons": "...",
                                "public_interest": {"for_disclosure": ["..."], "for_withholding": ["..."],
                                                    "conclusion": "..."}}],
                "s21_pointer": "", "advice": "",
                "cost_estimate": {"authority": "other", "items": [{"activity": "extract", "hours": 25}]}}]}

   ``outcome`` is one of foidesk.core.outcome.Outcome's values, ``code`` a catalogue code
   (foidesk.core.exemptions), ``activity`` one of foidesk.core.costs.Activity's values.

Exit 0 when there are no findings, 1 when there are (warnings included), 2 when the input cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys

from foidesk.commands import CommandFailed, date_argument, emit_json, read_text_argument
from foidesk.core.notice import (
    Finding,
    InvalidResponse,
    check_notice_text,
    check_response,
    response_from_mapping,
)
from foidesk.core.regime import Regime

NAME = "check-notice"
HELP = "Check a response (a letter as text, or a JSON response) for what a refusal notice must say."

AUTO, TEXT, JSON = "auto", "text", "json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE|-", help="the letter or response (default: -)"
    )
    parser.add_argument(
        "--input",
        choices=(AUTO, TEXT, JSON),
        default=AUTO,
        help="what FILE holds: a letter as text or a JSON response (default: auto, JSON if it opens '{')",
    )
    parser.add_argument(
        "--regime",
        choices=[r.value for r in Regime],
        default=None,
        help="for a letter: the regime it is under (default: the one the letter names, else that of its "
        "first citation, else FOIA; a bare 'section N' is FOISA if the letter names the Scottish Act)",
    )
    parser.add_argument(
        "--dated",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="for a letter: the date it was written, for the law in force then (default: today's law)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    content = read_text_argument(args.file)
    if not content.strip():
        raise CommandFailed("nothing to check: the input is empty")
    is_json = args.input == JSON or (args.input == AUTO and content.lstrip().startswith("{"))
    if is_json:
        kind, exemptions, findings = "response", *_check_json(content)
    else:
        check = check_notice_text(content, Regime(args.regime) if args.regime else None, args.dated)
        kind, exemptions, findings = "letter", [e.code for e in check.exemptions], list(check.findings)
    if args.json:
        emit_json({"findings": [f.as_dict() for f in findings], "input": kind, "exemptions": exemptions})
    else:
        _print_human(kind, exemptions, findings)
    return 1 if findings else 0


def _check_json(content: str) -> tuple[list[str], list[Finding]]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        raise CommandFailed(f"not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise CommandFailed("a response must be a JSON object")
    try:
        response = response_from_mapping(data)
    except InvalidResponse as error:
        raise CommandFailed(f"invalid response: {error}") from error
    exemptions = list(dict.fromkeys(c.exemption.code for p in response.parts for c in p.claims))
    return exemptions, check_response(response)


def _print_human(kind: str, exemptions: list[str], findings: list[Finding]) -> None:
    cited = ", ".join(exemptions) if exemptions else "none"
    sys.stdout.write(f"{kind}: exemptions {cited}\n")
    for f in findings:
        sys.stdout.write(f"{f.severity.value:5} {f.code} [{f.where}] {f.message}\n")
    if not findings:
        sys.stdout.write("no findings\n")
