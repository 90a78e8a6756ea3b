"""`foidesk similar`: published disclosure-log entries that may already answer a request (s.21)."""

from __future__ import annotations

import argparse
import datetime as dt

from foidesk.commands import CommandFailed, date_argument, emit_json, read_text_argument, setup_django

NAME = "similar"
HELP = "Find published answers that may already cover a request (searches the configured database)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="the request text (default: standard input)")
    parser.add_argument("--top", type=int, default=5, metavar="K", help="how many matches (default 5)")
    parser.add_argument(
        "--received",
        type=date_argument,
        default=None,
        metavar="DATE",
        help="the date of receipt, for relative periods such as 'the last 3 years'",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.top <= 100:
        raise CommandFailed("--top must be between 1 and 100")
    text = read_text_argument(args.file)
    if not text.strip():
        raise CommandFailed("the request text is empty")
    setup_django()
    from django.utils import timezone

    from foidesk.core.parsing import InvalidRequestText, parse_request
    from foidesk.web.publication.search import search_publications

    received = args.received or timezone.localdate()
    topics: set[str] = set()
    periods: list[tuple[dt.date, dt.date]] = []
    try:
        parts = parse_request(text, received).parts
    except InvalidRequestText as error:
        raise CommandFailed(f"cannot read the request: {error}") from error
    for part in parts:
        topics.update(part.topics)
        periods.extend((r.start, r.end) for r in part.date_ranges)
    # Search with what is asked, not with what surrounds it (a saved web page, a reply quoted below).
    asked = "\n".join(part.text for part in parts).strip() or text
    found = search_publications(asked, topics=topics, date_ranges=periods, limit=args.top)
    matches = [m for m in found if not m.same_request]
    same = [m for m in found if m.same_request]
    if args.json:
        emit_json({"matches": [m.as_dict() for m in matches], "same_request": [m.as_dict() for m in same]})
        return 0
    for m in same:
        print(f"already published as this very request: {m.reference}  {m.title}  ({m.url})")
    if not matches:
        print("No published answer looks like this request.")
    for m in matches:
        shared = ", ".join(m.why.shared_topics) or "none"
        print(f"{m.score:.2f}  {m.reference}  {m.title}\n      {m.url}  (shared topics: {shared})")
    return 0
