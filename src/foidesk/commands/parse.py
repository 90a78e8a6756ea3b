"""`foidesk parse`: split a request into its parts, with the periods and topics each asks about."""

from __future__ import annotations

import argparse
import datetime as dt
from zoneinfo import ZoneInfo

from foidesk.commands import CommandFailed, emit_json, read_text_argument
from foidesk.core.parsing import InvalidRequestText, ParsedPart, ParsedRequest, parse_request
from foidesk.core.topics import InvalidTopic, Topic

NAME = "parse"
HELP = "Split a request's text into its parts (Request 2, Q1 ...) with their date ranges and topics."

AUTHORITY_TIME_ZONE = ZoneInfo("Europe/London")  # the day of receipt is the authority's day


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="the request text; - or none reads stdin"
    )
    parser.add_argument(
        "--received",
        metavar="DATE",
        help="date of receipt, YYYY-MM-DD (default: today); 'the last 5 years' and the like count from it",
    )
    parser.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="NAME=PHRASE|PHRASE",
        help="an extra topic of the authority's own, with the phrases that mean it (repeatable)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    received = _received(args.received)
    extra = tuple(_extra_topic(spec) for spec in args.topic)
    text = read_text_argument(args.file)
    try:
        parsed = parse_request(text, received, extra)
    except InvalidRequestText as error:
        raise CommandFailed(str(error), 2) from error
    if args.json:
        emit_json(parsed.as_dict())
    else:
        print(_as_text(parsed))
    return 0


def _received(raw: str | None) -> dt.date:
    if raw is None:
        return dt.datetime.now(AUTHORITY_TIME_ZONE).date()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise CommandFailed(f"--received {raw!r} is not a date in the form YYYY-MM-DD", 2) from error


def _extra_topic(spec: str) -> Topic:
    name, separator, phrases = spec.partition("=")
    if not separator:
        raise CommandFailed(f"--topic {spec!r} should be NAME=PHRASE|PHRASE", 2)
    try:
        return Topic(name.strip(), (name.strip(), *(p.strip() for p in phrases.split("|") if p.strip())))
    except InvalidTopic as error:
        raise CommandFailed(f"--topic {spec!r}: {error}", 2) from error


def _as_text(parsed: ParsedRequest) -> str:
    return "\n\n".join(_part_as_text(part) for part in parsed.parts)


def _part_as_text(part: ParsedPart) -> str:
    periods = (
        ", ".join(f"{p.start.isoformat()} to {p.end.isoformat()}" for p in part.date_ranges) or "no period"
    )
    lines = [
        f"{part.label}: {part.text}",
        f"  period: {periods}",
        f"  topics: {', '.join(part.topics) or 'none'}",
    ]
    if part.flags:
        lines.append(f"  check: {', '.join(flag.value for flag in part.flags)}")
    return "\n".join(lines)
