"""`foidesk protect TABLE.csv`: suppress small counts in a table so that none can be worked out.

The table (s.40(2) FOIA; DOMAIN.md section C): a header row of column labels, a first column of row
labels (its header cell names the row dimension), counts in the other cells.

Reading is strict, because a misread count is a disclosure: every cell is digits 0-9 and nothing
else (no empty cells, signs, decimals, exponents, NaN, other scripts' digits; at most 10^9); ``1,234``
is refused unless ``--thousands`` is given (then commas every three digits are separators, and in a
comma-separated file such a cell must be quoted); rows must be as long as the header; labels are
non-empty and unique (trimmed, case-blind). The delimiter is ``--delimiter`` or sniffed among comma,
semicolon and tab. The file is UTF-8 (a BOM is skipped), or UTF-16 with a BOM, or ``--encoding``.
Any problem is one line on stderr and exit 2; a release the audit refuses exits 3.

Totals and subtotals (see :mod:`foidesk.core.sdc.hierarchy`): a row or column labelled ``Total``
or any ``--total-label`` (trimmed, case-blind) is the sum of every row or column that is not a sum;
``--hierarchy FILE.json`` declares others, ``{"rows": {"North": ["Barnet", "Camden"], "All
allegations": ["North", "South"]}, "columns": {...}}``; and a label ``Σ North`` or ``North
(subtotal)`` is the sum of the rows (columns) written directly before it since the previous sum.
Each declared sum is checked against the values and is a constraint of the suppression and the
audit. A row or column that equals the sum of others but is not declared is refused (the intruder
would read it as a total while the protection took it for a count) unless ``--allow-undeclared-sums``.

Earlier releases: ``--ledger FILE.json`` is a JSON array of release-ledger entries (the
``ReleasedTable.to_json`` form of :mod:`foidesk.core.sdc.ledger`); the table is audited jointly with
the entries of its dataset and more cells are hidden until no count can be worked out by
differencing; ``--record`` then appends this release to the file (creating it). The records a table
counts are named by ``--dataset NAME`` and optionally ``--scope-json FILE.json``::

    {"dataset": "misconduct", "column_dimension": "outcome", "row_dimension": "borough",
     "filters": [{"dimension": "received", "from": "2020-01-01", "to": "2020-12-31"},
                 {"dimension": "rank", "values": ["PC", "PS"]}],
     "row_values": {"North": ["Barnet", "Camden"]}, "column_values": {}}

(the row dimension defaults to the header's first cell; a two-way table must name its column
dimension; a label counts the records whose value is the label unless ``row_values`` says
otherwise). With the ledger, sums must be totals plus one level of disjoint row subtotals.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import datetime as dt
import io
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from foidesk.commands import CommandFailed, emit_json

if TYPE_CHECKING:  # imported where used: every command's module loads at start, SciPy must not
    from foidesk.core.sdc.hierarchy import DeclaredSums, ResolvedAxis
    from foidesk.core.sdc.ledger import Filter, JointAudit, ReleasedTable, TableScope
    from foidesk.core.sdc.suppression import ProtectedTable
    from foidesk.core.sdc.table import CountTable

NAME = "protect"
HELP = (
    "Protect a table of counts (CSV: header of column categories, first column of row categories; "
    "rows/columns named Total or --total-label, or declared in --hierarchy, are sums): small counts "
    "and enough others become [c]; --ledger audits it with earlier releases."
)
EXIT_REFUSED = 3  # the audit refused the release
DELIMITERS = {",": ",", ";": ";", "tab": "\t"}
SNIFF_LINES = 50
LOCAL_TIME = ZoneInfo("Europe/London")  # the authority's day, for the ledger's release date
SCOPE_KEYS = frozenset(
    {"dataset", "row_dimension", "column_dimension", "filters", "row_values", "column_values"}
)


@dataclass(frozen=True, slots=True)
class CsvTable:
    """The CSV as read: labels in file order, every cell (sums included), and its delimiter."""

    corner: str
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]
    delimiter: str


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
    reading = parser.add_argument_group("reading the table")
    reading.add_argument(
        "--delimiter", choices=sorted(DELIMITERS), help="the field separator (default: sniffed among , ; tab)"
    )
    reading.add_argument(
        "--encoding", help="the file's encoding if not UTF-8 or UTF-16 with a BOM (e.g. cp1252)"
    )
    reading.add_argument(
        "--thousands",
        action="store_true",
        help="accept 1,234 as 1234 (quote such cells in a comma-separated file)",
    )
    sums = parser.add_argument_group("totals and subtotals")
    sums.add_argument(
        "--total-label",
        action="append",
        default=[],
        metavar="LABEL",
        help="a row or column with this label (trimmed, any case) is the total; repeatable; Total always is",
    )
    sums.add_argument(
        "--hierarchy",
        metavar="FILE.json",
        help='sums among rows and columns: {"rows": {"North": ["Barnet", "Camden"]}, "columns": {...}}',
    )
    sums.add_argument(
        "--allow-undeclared-sums",
        action="store_true",
        help="a row or column that happens to equal the sum of others is a count, not a total",
    )
    ledger = parser.add_argument_group("earlier releases")
    ledger.add_argument(
        "--ledger", metavar="FILE.json", help="audit with the earlier releases in this ledger"
    )
    ledger.add_argument("--record", action="store_true", help="append this release to the --ledger file")
    ledger.add_argument("--dataset", help="the dataset the table counts (needed with --ledger)")
    ledger.add_argument(
        "--scope-json",
        metavar="FILE.json",
        help=(
            'the records counted: {"dataset": D, "column_dimension": C, "row_dimension": R, "filters": '
            '[{"dimension": "received", "from": DAY, "to": DAY} or {"dimension": X, "values": [...]}], '
            '"row_values": {LABEL: [...]}, "column_values": {...}}'
        ),
    )
    ledger.add_argument(
        "--reference", help="the release's reference in the ledger (default: the file's name)"
    )
    ledger.add_argument("--released", help="the release date, YYYY-MM-DD (default: today)")
    parser.add_argument("-o", "--output", metavar="OUT.csv", help="write the protected table here")
    parser.add_argument("--json", action="store_true", help="print the suppression report as JSON")


def run(args: argparse.Namespace) -> int:
    from foidesk.core.sdc.hierarchy import Axis, InvalidHierarchy, SumMismatch, check_sums, resolve_axis

    parsed = read_table_csv(
        decode_table(_read_bytes(args.table), args.encoding),
        delimiter=args.delimiter,
        thousands=args.thousands,
    )
    hierarchy = _read_hierarchy(args.hierarchy)
    total_labels = ("Total", *args.total_label)
    try:
        rows = resolve_axis(Axis.ROW, parsed.row_labels, hierarchy.rows, total_labels)
        columns = resolve_axis(Axis.COLUMN, parsed.column_labels, hierarchy.columns, total_labels)
        check_sums(rows, columns, parsed.values)
    except (InvalidHierarchy, SumMismatch) as error:
        raise CommandFailed(str(error)) from error
    if not args.allow_undeclared_sums:
        _refuse_undeclared_sums(parsed, rows, columns)
    spec = _read_scope(args, columns.leaves) if args.ledger or args.record else None
    entries: list[ReleasedTable] = []
    release: tuple[str, dt.date] | None = None
    if spec is not None:
        if columns.subtotals or rows.row_groups() is None:
            raise CommandFailed(
                "--ledger takes totals and one level of row subtotals, each row in at most one; "
                "this table's sums are richer (column subtotals or nested or overlapping row sums)"
            )
        entries = _read_ledger(args.ledger, missing_ok=args.record)
        release = _new_release(args, entries, spec.dataset) if args.record else None
    protected = _protect(args, parsed, rows, columns, spec)
    joint: JointAudit | None = None
    scope: TableScope | None = None
    if spec is not None:
        scope = spec.table_scope(protected.table)
        protected, joint = _protect_against(entries, protected, scope)

    out_rows = [[parsed.corner, *parsed.column_labels]]
    published = dict(
        zip(
            ((r, c) for r in protected.row_labels for c in protected.column_labels),
            (text for row in protected.display_cells for text in row),
            strict=True,
        )
    )
    for row_label in parsed.row_labels:
        grid_row = rows.grid_label(row_label)
        out_rows.append(
            [row_label] + [published[(grid_row, columns.grid_label(c))] for c in parsed.column_labels]
        )
    text = _write_csv(out_rows, parsed.delimiter)
    if args.output:
        _write_text(args.output, text)
    if release is not None and scope is not None:
        from foidesk.core.sdc.ledger import ReleasedTable

        reference, released = release
        _record(
            args.ledger,
            entries,
            ReleasedTable.from_protected(protected, scope, reference=reference, released=released),
        )
    if args.json:
        report = protected.to_json()
        report["table"] = out_rows
        report["hierarchy"] = {
            "rows": {s.total: list(s.parts) for s in rows.sums},
            "columns": {s.total: list(s.parts) for s in columns.sums},
        }
        if joint is not None:
            report["ledger"] = joint.to_json()
        if release is not None:
            report["recorded"] = release[0]
        if args.output:
            report["output"] = args.output
        emit_json(report)
    elif not args.output:
        sys.stdout.write(text)
    return 0


# --- reading the table -------------------------------------------------------------------------


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise CommandFailed(f"cannot read {path}: it is a directory, not a CSV file") from None
    except OSError as error:
        raise CommandFailed(f"cannot read {path}: {error.strerror}") from error


def decode_table(data: bytes, encoding: str | None = None) -> str:
    """The file's text: ``encoding`` if given, else UTF-8 (BOM skipped) or UTF-16 with a BOM.

    Undecodable bytes are an error, not replaced: a label or count silently changed is worse.
    """
    if not data:
        raise CommandFailed("the file is empty (0 bytes)")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise CommandFailed(f"unknown encoding {encoding!r}") from None
        return _decode(data, encoding).lstrip("\ufeff")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16")
    if b"\x00" in data:
        raise CommandFailed(
            "the file contains NUL bytes: UTF-16 without a byte-order mark, or not text "
            "(try --encoding utf-16-le)"
        )
    return _decode(data, "utf-8")


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise CommandFailed(
            f"the file is not valid {encoding} (byte 0x{byte:02x} at offset {error.start}); "
            "save it as UTF-8 or name its encoding, e.g. --encoding cp1252"
        ) from error


def read_table_csv(text: str, *, delimiter: str | None = None, thousands: bool = False) -> CsvTable:
    """Read the CSV strictly: rectangular, labelled, every cell a count (:func:`parse_count`)."""
    from foidesk.core.sdc.table import InvalidCount, parse_count

    separator = DELIMITERS[delimiter] if delimiter else _sniff_delimiter(text)
    try:
        lines = [
            (reader.line_num, row)
            for reader in [csv.reader(io.StringIO(text), delimiter=separator, strict=True)]
            for row in reader
            if any(cell.strip() for cell in row)
        ]
    except csv.Error as error:
        raise CommandFailed(f"the file is not readable as CSV: {error}") from error
    if not lines:
        raise CommandFailed("the file has no rows: it needs a header row and at least one row of counts")
    header = [cell.strip() for cell in lines[0][1]]
    if len(header) < 2:
        shown = "tab" if separator == "\t" else separator
        raise CommandFailed(
            f"the header row has one field only: is {shown!r} the delimiter? (see --delimiter)"
        )
    if len(lines) < 2:
        raise CommandFailed("the table has a header row but no rows of counts")
    for j, label in enumerate(header[1:], start=2):
        if not label:
            raise CommandFailed(f"column {j} of the header has no label")
    width = len(header)
    values: list[tuple[int, ...]] = []
    row_labels: list[str] = []
    for line, row in lines[1:]:
        if len(row) != width:
            hint = " (an unquoted 1,234?)" if separator == "," and len(row) > width else ""
            raise CommandFailed(
                f"line {line} has {len(row)} fields; the header has {width} (ragged CSV){hint}"
            )
        label = row[0].strip()
        if not label:
            raise CommandFailed(f"line {line} has no row label")
        cells = []
        for column, cell in zip(header[1:], row[1:], strict=True):
            try:
                cells.append(parse_count(cell, thousands=thousands))
            except InvalidCount as error:
                hint = " (pass --thousands to read 1,234 as 1234)" if error.problem == "comma" else ""
                raise CommandFailed(f"cell ({label!r}, {column!r}) on line {line} {error}{hint}") from error
        row_labels.append(label)
        values.append(tuple(cells))
    _check_unique("row", row_labels)
    _check_unique("column", header[1:])
    return CsvTable(header[0], tuple(row_labels), tuple(header[1:]), tuple(values), separator)


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join([line for line in text.splitlines() if line.strip()][:SNIFF_LINES])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        header = sample.split("\n", 1)[0]
        present = [d for d in ",;\t" if d in header]
        if len(present) == 1:
            return present[0]
        if not present:
            return ","  # a single field: the header check names the problem
        raise CommandFailed(
            "cannot tell whether commas, semicolons or tabs separate the fields: pass --delimiter"
        ) from None


def _check_unique(kind: str, labels: list[str]) -> None:
    seen: dict[str, str] = {}
    for label in labels:
        key = label.casefold()
        if key in seen:
            raise CommandFailed(f"{kind} label {label!r} appears twice (as {seen[key]!r} and {label!r})")
        seen[key] = label


def _read_json(option: str, path: str) -> object:
    data = _read_bytes(path)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise CommandFailed(f"{option} {path}: not UTF-8 (byte offset {error.start})") from error
    except json.JSONDecodeError as error:
        raise CommandFailed(f"{option} {path}: not valid JSON (line {error.lineno}: {error.msg})") from error


def _read_hierarchy(path: str | None) -> DeclaredSums:
    from foidesk.core.sdc.hierarchy import DeclaredSums, InvalidHierarchy, hierarchy_from_json

    if path is None:
        return DeclaredSums()
    try:
        return hierarchy_from_json(_read_json("--hierarchy", path))
    except InvalidHierarchy as error:
        raise CommandFailed(f"--hierarchy {path}: {error}") from error


def _refuse_undeclared_sums(parsed: CsvTable, rows: ResolvedAxis, columns: ResolvedAxis) -> None:
    """A leaf equal to the sum of others, on an axis with no total to catch it by a mismatch, is refused."""
    from foidesk.core.sdc.hierarchy import undeclared_sums

    index_row = {label: i for i, label in enumerate(parsed.row_labels)}
    index_column = {label: j for j, label in enumerate(parsed.column_labels)}
    leaf_columns = [index_column[c] for c in columns.leaves]
    leaf_rows = [index_row[r] for r in rows.leaves]
    for axis, vectors, runs in (
        (
            rows,
            {r: [parsed.values[index_row[r]][j] for j in leaf_columns] for r in rows.leaves},
            len(leaf_columns) > 1,
        ),
        (
            columns,
            {c: [parsed.values[i][index_column[c]] for i in leaf_rows] for c in columns.leaves},
            len(leaf_rows) > 1,
        ),
    ):
        if axis.grand_total is not None:
            continue  # an undeclared subtotal would have made the total disagree
        found = undeclared_sums(axis, vectors, runs=runs)
        if found:
            raise CommandFailed(
                f"{axis.axis} {found[0]} but is not declared as a sum: name it with --total-label or "
                "declare it in --hierarchy (or pass --allow-undeclared-sums if it is a count)"
            )


# --- protecting --------------------------------------------------------------------------------


def _protect(
    args: argparse.Namespace,
    parsed: CsvTable,
    rows: ResolvedAxis,
    columns: ResolvedAxis,
    spec: _ScopeSpec | None,
) -> ProtectedTable:
    from foidesk.core.sdc.audit import AuditIncomplete
    from foidesk.core.sdc.hierarchy import build_hierarchical_grid
    from foidesk.core.sdc.optimal import Objective, SuppressionFailed
    from foidesk.core.sdc.rule import InvalidRule, ProtectionRule
    from foidesk.core.sdc.suppression import Method, protect_grid
    from foidesk.core.sdc.table import CountTable, InvalidTable

    index_row = {label: i for i, label in enumerate(parsed.row_labels)}
    index_column = {label: j for j, label in enumerate(parsed.column_labels)}
    one_way = len(columns.leaves) == 1
    try:
        table = CountTable(
            row_dimension=(spec and spec.row_dimension) or parsed.corner or "Category",
            column_dimension=None if one_way else (spec and spec.column_dimension) or "Category",
            row_labels=rows.leaves,
            column_labels=columns.leaves,
            cells=tuple(
                tuple(parsed.values[index_row[r]][index_column[c]] for c in columns.leaves)
                for r in rows.leaves
            ),
            row_groups=rows.row_groups() or (),
        )
        rule = ProtectionRule(args.threshold, args.zero_sensitive, args.protection_level)
        grid = build_hierarchical_grid(rows, columns, parsed.values)
        protected = protect_grid(table, grid, rule, Method(args.method), Objective(args.objective))
    except (InvalidTable, InvalidRule) as error:
        raise CommandFailed(str(error)) from error
    except SuppressionFailed as error:
        raise CommandFailed(f"{error} (try --method fast)") from error
    except AuditIncomplete as error:
        raise CommandFailed(f"release refused: the audit could not finish ({error})", EXIT_REFUSED) from error
    if not protected.release_allowed:
        raise CommandFailed(
            f"release refused by the audit: {json.dumps(protected.audit.to_json())}", EXIT_REFUSED
        )
    return protected


def _protect_against(
    entries: list[ReleasedTable], protected: ProtectedTable, scope: TableScope
) -> tuple[ProtectedTable, JointAudit]:
    from foidesk.core.sdc.audit import AuditIncomplete, InconsistentRelease
    from foidesk.core.sdc.ledger import LedgerTooLarge, protect_against

    try:
        protected, joint = protect_against(entries, protected, scope=scope)
    except InconsistentRelease as error:
        raise CommandFailed(
            "the table contradicts the earlier releases in the ledger (the same records with other counts?)"
        ) from error
    except (LedgerTooLarge, AuditIncomplete) as error:
        raise CommandFailed(
            f"the ledger is too large to audit with this table: {error}", EXIT_REFUSED
        ) from error
    if not (joint.passed and protected.audit.passed):
        raise CommandFailed(
            f"release refused by the audit with the ledger: {json.dumps(joint.to_json())}", EXIT_REFUSED
        )
    return protected, joint


# --- the ledger --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ScopeSpec:
    """What --dataset and --scope-json say about the records the table counts."""

    dataset: str
    row_dimension: str | None
    column_dimension: str | None
    filters: tuple[Filter, ...]
    row_values: dict[str, tuple[str, ...]]  # casefolded label -> values
    column_values: dict[str, tuple[str, ...]]

    def table_scope(self, table: CountTable) -> TableScope:
        from foidesk.core.sdc.ledger import TableScope

        for key, wanted, labels in (
            ("row_values", self.row_values, table.row_labels),
            ("column_values", self.column_values, table.column_labels),
        ):
            if unknown := sorted(set(wanted) - {label.casefold() for label in labels}):
                raise CommandFailed(
                    f"--scope-json: {key} names {unknown[0]!r}, which is not a count of the table"
                )
        return TableScope(
            self.dataset,
            self.filters,
            tuple(self.row_values.get(label.casefold(), (label,)) for label in table.row_labels),
            tuple(self.column_values.get(label.casefold(), (label,)) for label in table.column_labels),
        )


def _read_scope(args: argparse.Namespace, column_leaves: tuple[str, ...]) -> _ScopeSpec:
    """The records the table counts (dataset, filters, dimensions) from --dataset and --scope-json."""
    if args.record and not args.ledger:
        raise CommandFailed("--record needs --ledger FILE.json (the file to append to)")
    data = _read_json("--scope-json", args.scope_json) if args.scope_json else {}
    if not isinstance(data, dict):
        raise CommandFailed("--scope-json: the scope must be a JSON object")
    if unknown := sorted(set(data) - SCOPE_KEYS):
        raise CommandFailed(
            f"--scope-json: unknown key {unknown[0]!r} (expected {', '.join(sorted(SCOPE_KEYS))})"
        )
    dataset = args.dataset or data.get("dataset")
    if not isinstance(dataset, str) or not dataset.strip():
        raise CommandFailed(
            "--ledger needs the dataset the table counts: --dataset NAME or 'dataset' in --scope-json"
        )
    row_dimension, column_dimension = data.get("row_dimension"), data.get("column_dimension")
    if len(column_leaves) > 1 and not isinstance(column_dimension, str):
        raise CommandFailed(
            "--ledger needs a two-way table's column dimension: 'column_dimension' in --scope-json"
        )
    try:
        filters = tuple(_filter(f) for f in data.get("filters", []))
        row_values = _values_by_label(data.get("row_values", {}), "row_values")
        column_values = _values_by_label(data.get("column_values", {}), "column_values")
    except (TypeError, ValueError, KeyError) as error:
        raise CommandFailed(f"--scope-json: {error}") from error
    return _ScopeSpec(
        dataset=dataset.strip(),
        row_dimension=row_dimension if isinstance(row_dimension, str) else None,
        column_dimension=column_dimension if isinstance(column_dimension, str) else None,
        filters=filters,
        row_values=row_values,
        column_values=column_values,
    )


def _filter(data: object) -> Filter:
    from foidesk.core.sdc.ledger import Filter, period_filter

    if not isinstance(data, dict) or not isinstance(data.get("dimension"), str):
        raise ValueError(
            'a filter is {"dimension": D, "values": [...]} or {"dimension": D, "from": DAY, "to": DAY}'
        )
    if "values" in data:
        return Filter(data["dimension"], tuple(str(v) for v in data["values"]))
    start, end = dt.date.fromisoformat(data["from"]), dt.date.fromisoformat(data["to"])
    if end < start:
        raise ValueError(f"the filter on {data['dimension']!r} ends before it starts")
    return period_filter(data["dimension"], start, end)


def _values_by_label(data: object, key: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ValueError(f"{key!r} must map labels to lists of values")
    return {str(label).strip().casefold(): tuple(str(v) for v in values) for label, values in data.items()}


def _read_ledger(path: str, *, missing_ok: bool) -> list[ReleasedTable]:
    """The ledger's entries; a missing file is an empty ledger when this release is to be recorded."""
    from foidesk.core.sdc.ledger import ReleasedTable

    if missing_ok and not Path(path).exists():
        return []
    data = _read_json("--ledger", path)
    if not isinstance(data, list):
        raise CommandFailed(f"--ledger {path}: a ledger is a JSON array of entries")
    entries = []
    for number, item in enumerate(data, start=1):
        try:
            entry = ReleasedTable.from_json(item)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise CommandFailed(
                f"--ledger {path}: entry {number} is not a ledger entry ({error!r})"
            ) from error
        rows = len(entry.row_labels) + len(entry.row_groups) + entry.column_totals
        columns = len(entry.column_labels) + entry.row_totals
        if len(entry.published) != rows * columns or any(not 0 <= k < rows * columns for k in entry.small):
            raise CommandFailed(
                f"--ledger {path}: entry {number} ({entry.reference}) has cells for another shape"
            )
        entries.append(entry)
    return entries


def _new_release(args: argparse.Namespace, entries: list[ReleasedTable], dataset: str) -> tuple[str, dt.date]:
    """The reference and date this release is recorded under; a reference already held is refused."""
    reference: str = args.reference or ("stdin" if args.table == "-" else Path(args.table).stem)
    if any(e.reference == reference and e.dataset == dataset for e in entries):
        raise CommandFailed(
            f"the ledger already holds release {reference!r} of {dataset!r} (see --reference)"
        )
    try:
        released = (
            dt.date.fromisoformat(args.released) if args.released else dt.datetime.now(LOCAL_TIME).date()
        )
    except ValueError as error:
        raise CommandFailed(f"--released: {error}") from error
    return reference, released


def _record(path: str, entries: list[ReleasedTable], entry: ReleasedTable) -> None:
    """Append ``entry`` to the ledger file (written whole, then moved into place)."""
    text = json.dumps([e.to_json() for e in [*entries, entry]], ensure_ascii=False, indent=1) + "\n"
    target = Path(path)
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=target.parent or ".", prefix=f".{target.name}.", delete=False
        ) as handle:
            handle.write(text)
        os.replace(handle.name, target)
    except OSError as error:
        raise CommandFailed(f"cannot write the ledger {path}: {error.strerror}") from error


# --- writing -----------------------------------------------------------------------------------


def _write_text(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise CommandFailed(f"cannot write {path}: {error.strerror}") from error


def _write_csv(rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
