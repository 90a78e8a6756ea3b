"""`foidesk search-terms`: recount the words of the published log, so search starts from the rarest.

PostgreSQL keeps these counts in a table refreshed by this command (after bulk loads; daily from cron
or a worker); SQLite's FTS5 keeps its own, so there this does nothing.
"""

from __future__ import annotations

import argparse
import time

from foidesk.commands import emit_json, setup_django

NAME = "search-terms"
HELP = "Recount how many published entries hold each word (PostgreSQL; SQLite keeps its own counts)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from foidesk.web.publication.search import refresh_search_terms

    started = time.perf_counter()
    words = refresh_search_terms()
    seconds = round(time.perf_counter() - started, 2)
    if args.json:
        emit_json({"words": words, "seconds": seconds})
    else:
        print(
            f"{words} words counted in {seconds} s."
            if words
            else "Nothing to do: SQLite keeps its own counts."
        )
    return 0
