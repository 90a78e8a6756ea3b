"""`foidesk protect TABLE.csv`: suppress small counts in a table so that none can be worked out."""

from __future__ import annotations

import argparse
import csv
import io
from dataclasses import dataclass

from foidesk.commands import CommandFailed, emit_json, read_text_argument

NAME = "protect"
HELP = (
    "Protect a table of counts (CSV: header of column categories, first column of row categories; "
    "a row and/or column named Total are marginals): small counts and enough others become [c]."
)
TOTAL = "total"  # a row or column with this label (any case) is a marginal
EXIT_REFUSED = 3  # the audit refused the release


@dataclass(frozen=True, slots=True)
class _CsvTable:
    """The CSV as read: its labels in file order, the counts, and where the totals were."""

    corner: str
    row_labels: tuple[str, ...]  # every row label, Total included, in file order
    column_labels: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]
    total_row: int | None
    total_column: int | None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("table", metavar="TABLE.csv", help="the table of counts ('-' for standard input)")
    parser.add_argument("--threshold", type=int, default=5, help="counts 1..N-1 are suppressed (default 5)")
    parser.add_argument("--method", choices=("optimal", "fast"), default="optimal")
    parser.add_argument(
        "--objective",
        choices=("cells", "value"),
        default="cells",
        help="minimise the number of suppressed cells (default) or their total value",
    )
    parser.add_argument("--zero-sensitive", action="store_true", help="treat zero counts as sensitive too")
    parser.add_argument(
        "--protection-level",
        type=int,
        default=None,
        help="narrowest interval an intruder may deduce (default: the threshold)",
    )
    parser.add_argument("-o", "--output", metavar="OUT.csv", help="write the protected table here")
    parser.add_argument("--json", action="store_true", help="print the suppression report as JSON")


def run(args: argparse.Namespace) -> int:
    from foidesk.core.sdc.grid import Margins
    from foidesk.core.sdc.optimal import SuppressionFailed
    from foidesk.core.sdc.rule import InvalidRule
    from foidesk.core.sdc.suppression import protect
    from foidesk.core.sdc.table import CountTable, InvalidTable

    parsed = read_table_csv(read_text_argument(args.table))
    rows = [i for i in range(len(parsed.row_labels)) if i != parsed.total_row]
    columns = [j for j in range(len(parsed.column_labels)) if j != parsed.total_column]
    try:
        table = CountTable(
            row_dimension=parsed.corner or "Category",
            column_dimension=None if len(columns) == 1 else "Category",
            row_labels=tuple(parsed.row_labels[i] for i in rows),
            column_labels=tuple(parsed.column_labels[j] for j in columns),
            cells=tuple(tuple(parsed.values[i][j] for j in columns) for i in rows),
        )
        margins = Margins(
            row_totals=parsed.total_column is not None, column_totals=parsed.total_row is not None
        )
        protected = protect(
            table,
            threshold=args.threshold,
            method=args.method,
            zero_is_sensitive=args.zero_sensitive,
            protection_level=args.protection_level,
            margins=margins,
            objective=args.objective,
        )
    except (InvalidTable, InvalidRule) as error:
        raise CommandFailed(str(error)) from error
    except SuppressionFailed as error:
        raise CommandFailed(f"{error} (try --method fast)") from error

    if not protected.release_allowed:
        raise CommandFailed(f"release refused by the audit: {protected.audit.to_json()}", EXIT_REFUSED)
    flat = [text for row in protected.display_cells for text in row]
    published = dict(zip(_grid_keys(protected.row_labels, protected.column_labels), flat, strict=True))
    out_rows = [[parsed.corner, *parsed.column_labels]]
    for i, row_label in enumerate(parsed.row_labels):
        grid_row = "Total" if i == parsed.total_row else row_label
        out_rows.append(
            [row_label]
            + [
                published[(grid_row, "Total" if j == parsed.total_column else column_label)]
                for j, column_label in enumerate(parsed.column_labels)
            ]
        )
    text = _write_csv(out_rows)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except OSError as error:
            raise CommandFailed(f"cannot write {args.output}: {error.strerror}") from error
    if args.json:
        report = protected.to_json()
        report["table"] = out_rows
        if args.output:
            report["output"] = args.output
        emit_json(report)
    elif not args.output:
        print(text, end="")
    return 0


def read_table_csv(text: str) -> _CsvTable:
    """Read and check the CSV: rectangular, non-negative whole counts, totals that add up."""
    lines = [row for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) if any(c.strip() for c in row)]
    if len(lines) < 2 or len(lines[0]) < 2:
        raise CommandFailed("the table is empty: it needs a header row and at least one row of counts")
    header = [c.strip() for c in lines[0]]
    width = len(header)
    values: list[tuple[int, ...]] = []
    for number, row in enumerate(lines[1:], start=2):
        if len(row) != width:
            raise CommandFailed(f"row {number} has {len(row)} fields; the header has {width} (ragged CSV)")
        values.append(tuple(_count(cell, row[0].strip(), header[j + 1]) for j, cell in enumerate(row[1:])))
    row_labels = tuple(row[0].strip() for row in lines[1:])
    column_labels = tuple(header[1:])
    parsed = _CsvTable(
        corner=header[0],
        row_labels=row_labels,
        column_labels=column_labels,
        values=tuple(values),
        total_row=_total_position(row_labels, "row"),
        total_column=_total_position(column_labels, "column"),
    )
    _check_totals(parsed)
    return parsed


def _count(cell: str, row: str, column: str) -> int:
    text = cell.strip().replace(",", "")
    if not text.lstrip("-").isdigit():
        raise CommandFailed(f"cell ({row}, {column}) is not a whole-number count: {cell!r}")
    value = int(text)
    if value < 0:
        raise CommandFailed(f"cell ({row}, {column}) is negative: {value}")
    return value


def _total_position(labels: tuple[str, ...], kind: str) -> int | None:
    found = [i for i, label in enumerate(labels) if label.casefold() == TOTAL]
    if len(found) > 1:
        raise CommandFailed(f"more than one {kind} is called Total")
    if found and len(labels) == 1:
        raise CommandFailed(f"the only {kind} is a Total: there are no counts to protect")
    return found[0] if found else None


def _check_totals(parsed: _CsvTable) -> None:
    """Every Total must equal the sum of its counts; name the first row or column that does not."""
    n_rows, n_columns = len(parsed.row_labels), len(parsed.column_labels)
    if parsed.total_column is not None:
        for i in range(n_rows):
            parts = sum(parsed.values[i][j] for j in range(n_columns) if j != parsed.total_column)
            stated = parsed.values[i][parsed.total_column]
            if parts != stated:
                raise CommandFailed(
                    f"row {parsed.row_labels[i]!r}: Total is {stated} but its counts add up to {parts}"
                )
    if parsed.total_row is not None:
        for j in range(n_columns):
            parts = sum(parsed.values[i][j] for i in range(n_rows) if i != parsed.total_row)
            stated = parsed.values[parsed.total_row][j]
            if parts != stated:
                raise CommandFailed(
                    f"column {parsed.column_labels[j]!r}: Total is {stated} but its counts add up to {parts}"
                )


def _grid_keys(rows: tuple[str, ...], columns: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(r, c) for r in rows for c in columns]


def _write_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
