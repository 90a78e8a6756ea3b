"""`foidesk anonymise --dataset NAME`: a record list of any register that is k-anonymous and l-diverse.

Reads the register from the database (the period and conditions as a part would ask them),
generalises it by the registry's declarations (core/sdc/kanonymity.py), prints the report and
writes the released records as CSV. Exit 0 released, 2 when nothing could be released as asked.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from foidesk.commands import CommandFailed, emit_json, setup_django
from foidesk.core.periods import DateRange

if TYPE_CHECKING:
    from foidesk.core.sdc.kanonymity import RecordRelease

NAME = "anonymise"
HELP = (
    "Produce a record list (e.g. allegations with outcomes) in which every record shares its "
    "quasi-identifiers with k-1 others and every group holds l outcomes; print the report."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dataset", default="misconduct", help="the dataset (default: misconduct)")
    parser.add_argument("--from", dest="start", metavar="DATE", help="received on or after (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="received on or before (YYYY-MM-DD)")
    parser.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="'FIELD: VALUE'",
        help="only records where FIELD has VALUE (values comma separated; repeat or separate with ';')",
    )
    parser.add_argument("--k", type=int, default=None, help="smallest group (default FOIDESK_SDC_THRESHOLD)")
    parser.add_argument("--l", type=int, default=None, help="different outcomes in every group (default 2)")
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("-o", "--output", metavar="OUT.csv", help="write the released records here")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings

    from foidesk.core.sdc.kanonymity import DEFAULT_L, AnonymisationError
    from foidesk.datasets.query import QueryError, build_query
    from foidesk.datasets.record_release import anonymise_dataset, release_table
    from foidesk.datasets.registry import REGISTRY, UnknownTerm
    from foidesk.render.spreadsheets import TableSheet, table_csv
    from foidesk.web.records.selectors import iter_records

    try:
        dataset = REGISTRY.dataset(args.dataset.strip().lower().replace("-", "_"))
        period = _period(args.start, args.end)
        where = parse_where(args.where)
        query = build_query(dataset.dimensions[0].name, period=period, where=where, dataset=dataset.name)
        records = list(iter_records(query))
        release = anonymise_dataset(
            dataset, records, k=args.k or settings.FOIDESK_SDC_THRESHOLD, l=args.l or DEFAULT_L
        )
    except (QueryError, UnknownTerm, AnonymisationError) as error:
        raise CommandFailed(str(error)) from error
    header, rows = release_table(dataset, release)
    if args.output:
        data = table_csv(TableSheet(name="Records", title=dataset.label, header=header, rows=rows))
        try:
            Path(args.output).write_bytes(data)
        except OSError as error:
            raise CommandFailed(f"cannot write {args.output}: {error.strerror}") from error
    report = release.to_json()
    if args.json:
        if args.output:
            report["output"] = args.output
        emit_json(report)
    else:
        print(report_text(release))
    return 0


def report_text(release: RecordRelease) -> str:
    """The report for a person: what was released, the levels chosen, what was withheld and why."""
    lines = [
        f"Released {len(release.records)} of {release.total} records (k = {release.k}, l = {release.l}): "
        f"{len(release.classes)} groups, the smallest of {release.smallest_class}.",
        "Levels: " + ", ".join(f"{field}: {level}" for field, level in release.levels) + ".",
        "Never released: " + ", ".join(release.dropped) + ".",
        f"Withheld: {release.suppressed_count} records"
        + "".join(f"; {count} as {reason}" for reason, count in release.suppressed)
        + ".",
    ]
    for field in release.sensitive:
        lines.append(
            f"{field}: every group holds at least {release.smallest_l(field)} values "
            f"(entropy l at least {release.smallest_entropy_l(field):.2f})."
        )
    return "\n".join(lines)


def parse_where(pieces: list[str]) -> dict[str, list[str]]:
    """``['category: sexual misconduct; outcome: dismissal, FWW']`` -> field word -> value words."""
    conditions: dict[str, list[str]] = {}
    for piece in (p.strip() for text in pieces for p in text.split(";")):
        if not piece:
            continue
        if ":" not in piece:
            raise CommandFailed(f"--where {piece!r} needs a field and a value, like 'outcome: dismissal'")
        field, values = (s.strip() for s in piece.split(":", 1))
        conditions.setdefault(field, []).extend(v.strip() for v in values.split(",") if v.strip())
    return conditions


def _period(start: str | None, end: str | None) -> DateRange | None:
    if start is None and end is None:
        return None
    try:
        first = dt.date.fromisoformat(start) if start else dt.date.min
        last = dt.date.fromisoformat(end) if end else dt.date.max
    except ValueError as error:
        raise CommandFailed(f"--from/--to: {error}") from error
    if last < first:
        raise CommandFailed("the period ends before it starts")
    return DateRange(first, last)
