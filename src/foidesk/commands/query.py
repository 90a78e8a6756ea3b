"""`foidesk query`: count a register's records by one or two dimensions, and protect the table.

    foidesk query REGISTER ROWS [COLUMNS] [--from DATE] [--to DATE] [--where "FIELD: VALUE, VALUE"]...
                  [--about WORD]... [--include-empty] [--protect [--threshold N] [--method M]]
                  [-o OUT.csv] [--json]

Words are the registry's (``foidesk query stop_search ethnicity outcome --where "borough: Lambeth"``),
counted on the database as an answer is. Without ``--protect`` the true counts are printed for the
officer, and ``-o`` writes them with their totals in the table format of ``foidesk protect``; with
``--protect`` only the protected table leaves (suppressed cells ``[c]``), with the suppression
report and the audit's verdict, exit 3 when the audit refuses the release (as ``foidesk protect``).
"""

from __future__ import annotations

import argparse
import csv
import io
from typing import Any

from foidesk.commands import CommandFailed, date_argument, emit_json, setup_django

NAME = "query"
HELP = "Count a register's records by one or two dimensions (optionally protected by disclosure control)."
EXIT_REFUSED = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("register", help="the register (misconduct, stop_search, ...)")
    parser.add_argument("rows", help="the dimension of the rows, in the registry's words")
    parser.add_argument("columns", nargs="?", help="the dimension of the columns")
    parser.add_argument("--from", dest="start", type=date_argument, help="first day counted (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", type=date_argument, help="last day counted (YYYY-MM-DD)")
    parser.add_argument(
        "--where", action="append", default=[], metavar="FIELD: VALUES", help="keep records with these values"
    )
    parser.add_argument("--about", action="append", default=[], metavar="WORD", help="a value named alone")
    parser.add_argument("--include-empty", action="store_true", help="a row or column for every value")
    parser.add_argument("--protect", action="store_true", help="suppress small counts; release only these")
    parser.add_argument("--threshold", type=int, default=None, help="counts 1..N-1 are suppressed")
    parser.add_argument("--method", choices=("optimal", "fast"), default="optimal")
    parser.add_argument("-o", "--output", metavar="OUT.csv", help="write the table here")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _where(pieces: list[str]) -> dict[str, list[str]]:
    conditions: dict[str, list[str]] = {}
    for piece in pieces:
        field, colon, values = piece.partition(":")
        words = [w.strip() for w in values.split(",") if w.strip()]
        if not colon or not field.strip() or not words:
            raise CommandFailed(f"--where {piece!r}: write a field and values, like 'borough: Lambeth'")
        conditions.setdefault(field.strip(), []).extend(words)
    return conditions


def run(args: argparse.Namespace) -> int:
    from foidesk.core.periods import DateRange
    from foidesk.datasets.query import QueryError, build_query

    if (args.start is None) != (args.end is None):
        raise CommandFailed("give both --from and --to, or neither")
    if args.start is not None and args.end < args.start:
        raise CommandFailed(f"the period ends ({args.end}) before it starts ({args.start})")
    period = DateRange(args.start, args.end) if args.start is not None else None
    try:
        query = build_query(
            args.rows,
            args.columns,
            period=period,
            where=_where(args.where),
            about=args.about,
            dataset=args.register.strip().lower().replace("-", "_"),
            include_empty=args.include_empty,
        )
    except QueryError as error:
        raise CommandFailed(str(error)) from error
    setup_django()
    from django.conf import settings

    from foidesk.datasets.query import describe
    from foidesk.web.cases.answers import query_to_json
    from foidesk.web.records.selectors import count_table

    try:
        table = count_table(query)
    except QueryError as error:
        raise CommandFailed(str(error)) from error
    payload: dict[str, Any] = {
        "register": query.dataset,
        "query": query_to_json(query),
        "description": describe(query),
        "row_dimension": table.row_dimension,
        "column_dimension": table.column_dimension,
    }
    threshold = args.threshold if args.threshold is not None else settings.FOIDESK_SDC_THRESHOLD
    exit_code = 0
    if args.protect:
        rows, allowed = _protected(table, threshold, args.method, payload)
        exit_code = 0 if allowed else EXIT_REFUSED
    else:
        payload["row_labels"] = list(table.row_labels)
        payload["column_labels"] = list(table.column_labels)
        payload["cells"] = [list(row) for row in table.cells]
        rows = _with_totals(table)
    if args.output:
        _write(args.output, rows)
    if args.json:
        emit_json(payload)
    else:
        print(_text(rows))
    return exit_code


def _protected(
    table: Any, threshold: int, method: str, payload: dict[str, Any]
) -> tuple[list[list[str]], bool]:
    """Protect ``table`` and put the report in ``payload``; the rows that may leave, and whether they may."""
    from foidesk.core.sdc.audit import AuditIncomplete
    from foidesk.core.sdc.optimal import SuppressionFailed
    from foidesk.core.sdc.suppression import protect

    try:
        protected = protect(table, threshold=threshold, method=method)
    except (AuditIncomplete, SuppressionFailed) as error:
        raise CommandFailed(f"the table could not be protected: {error}", EXIT_REFUSED) from error
    payload.update(protected.to_json())
    payload["threshold"] = threshold
    payload["release_allowed"] = protected.release_allowed
    payload["row_labels"] = list(protected.row_labels)
    payload["column_labels"] = list(protected.column_labels)
    payload["display_cells"] = [list(row) for row in protected.display_cells]
    rows = [[table.row_dimension, *protected.column_labels]]
    rows += [[label, *row] for label, row in zip(protected.row_labels, protected.display_cells, strict=True)]
    return rows, protected.release_allowed


def _with_totals(table: Any) -> list[list[str]]:
    """The true counts with the totals that are published with them (``Total``, as ``foidesk protect``
    reads marginals): a row of column totals, and for a two-way table a column of row totals."""
    from foidesk.core.sdc.grid import TOTAL_LABEL

    two_way = not table.is_one_way
    header = [table.row_dimension, *table.column_labels, *([TOTAL_LABEL] if two_way else [])]
    body = [
        [label, *map(str, row), *([str(sum(row))] if two_way else [])]
        for label, row in zip(table.row_labels, table.cells, strict=True)
    ]
    columns = [sum(column) for column in zip(*table.cells, strict=True)]
    totals = [TOTAL_LABEL, *map(str, columns), *([str(sum(columns))] if two_way else [])]
    return [header, *body, totals]


def _text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().rstrip("\n")


def _write(path: str, rows: list[list[str]]) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(_text(rows) + "\n")
    except OSError as error:
        raise CommandFailed(f"cannot write {path}: {error.strerror}") from error
