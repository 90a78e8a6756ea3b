"""`foidesk search-log`: the public disclosure log's search box from the shell (published entries only)."""

from __future__ import annotations

import argparse
import re

from foidesk.commands import CommandFailed, emit_json, setup_django

NAME = "search-log"
HELP = 'Search the published disclosure log as its search box does (words, "phrases", prefix*, filters).'
_MARK = re.compile(r"</?mark>")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", default="", help="what to search for (empty: every entry)")
    parser.add_argument("--topic", default="", help="only entries about this topic")
    parser.add_argument("--outcome", default="", help="only entries with this outcome (e.g. withheld)")
    parser.add_argument(
        "--exemption", default="", help="only entries relying on this exemption (e.g. s.40(2))"
    )
    parser.add_argument("--year", type=int, default=None, help="only entries published in this year")
    parser.add_argument("--sort", choices=("relevance", "newest"), default="relevance")
    parser.add_argument("--page", type=int, default=1, help="which page of 20 results (default 1)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    if args.page < 1:
        raise CommandFailed("--page must be 1 or more")
    setup_django()
    from html import unescape

    from foidesk.web.publication.selectors import LogFilters, log_search

    results = log_search(
        LogFilters(
            q=args.query,
            topic=args.topic,
            outcome=args.outcome,
            exemption=args.exemption,
            year=args.year,
            sort=args.sort,
        ),
        args.page,
    )
    entries = [
        {
            "reference": entry.reference,
            "title": entry.title,
            "url": entry.get_absolute_url(),
            "published_on": entry.published_on.isoformat(),
            "snippet_html": results.snippets.get(entry.pk, ""),
        }
        for entry in results.page.object_list
    ]
    if args.json:
        emit_json(
            {
                "count": results.page.paginator.count,
                "page": results.page.number,
                "all_words": results.all_words,
                "also_searched_for": {
                    group.typed.text: [term.text for term in group.synonyms]
                    for group in (results.query.expansions if results.query else ())
                },
                "results": entries,
                "filters": {
                    name: [{"value": v.value, "count": v.count} for v in values]
                    for name, values in results.facets.items()
                },
            }
        )
        return 0
    if not results.all_words:
        print("No entry has all your words; showing entries with most of them.")
    print(f"{results.page.paginator.count} published responses")
    for entry in entries:
        print(f"{entry['reference']}  {entry['title']}  ({entry['url']})")
        if entry["snippet_html"]:
            print("    " + unescape(_MARK.sub("*", str(entry["snippet_html"]))))
    return 0
