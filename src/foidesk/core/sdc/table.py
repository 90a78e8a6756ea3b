"""A table of counts as it will be released: categories, cells, and the totals derived from them.

The shared type between the datasets layer (which builds tables from queries on the records) and
disclosure control (which protects them). Cells hold counts only; every total (row, column, grand,
and the subtotal of each row group when the rows have a hierarchy such as borough within area) is
derived, never stored, so a table cannot disagree with its own margins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

ONE_WAY_COLUMN = "Count"
# No count of people in one authority's records comes near this; a bigger cell is a slip of the keys,
# and the audit's floating-point programmes are exact only for far smaller whole numbers than 2**53.
MAX_COUNT = 1_000_000_000
_DIGITS = re.compile(r"[0-9]+")
_NEGATIVE = re.compile(r"-[0-9]+")
_GROUPED = re.compile(r"[0-9]{1,3}(,[0-9]{3})+")
_WITH_COMMAS = re.compile(r"[0-9][0-9,]*")


class InvalidTable(ValueError):
    """A table whose shape, labels or counts cannot be a table of counts."""


class CountProblem(StrEnum):
    """Why a written cell is not a count."""

    EMPTY = "empty"
    NOT_ASCII_DIGITS = "not_ascii_digits"
    NEGATIVE = "negative"
    COMMA = "comma"
    TOO_LARGE = "too_large"
    NOT_WHOLE = "not_whole"


class InvalidCount(InvalidTable):
    """A cell whose text is not a count; ``problem`` says why, the message shows the text."""

    def __init__(self, problem: CountProblem, text: str) -> None:
        messages = {
            CountProblem.EMPTY: "is empty (write 0 for none)",
            CountProblem.NOT_ASCII_DIGITS: f"uses a character other than the digits 0-9: {text!r}",
            CountProblem.NEGATIVE: f"is negative: {text!r}",
            CountProblem.COMMA: f"has a comma: {text!r} (a thousands separator or a decimal comma?)",
            CountProblem.TOO_LARGE: f"is too large to be a count: {text[:20]!r}"
            + ("..." if len(text) > 20 else ""),
            CountProblem.NOT_WHOLE: f"is not a whole-number count: {text!r}",
        }
        super().__init__(messages[problem])
        self.problem = problem


def parse_count(text: str, *, thousands: bool = False) -> int:
    """The count a table cell states: the digits 0-9 only, nothing else, at most ``MAX_COUNT``.

    Strict on purpose: ``1,2`` is not 12, ``1e20``, ``1.0``, ``+5``, ``--5`` and ``nan`` are not
    counts, and superscripts or other scripts' digits (``²``, ``٣``), which Python's ``int`` would
    half accept, are refused. With ``thousands``, ``1,234`` (commas every three digits) is 1234.
    """
    written = text.strip()
    if not written:
        raise InvalidCount(CountProblem.EMPTY, text)
    if any(not c.isascii() and (c.isdigit() or c.isnumeric()) for c in written):
        raise InvalidCount(CountProblem.NOT_ASCII_DIGITS, written)
    digits = written.replace(",", "") if thousands and _GROUPED.fullmatch(written) else written
    if _DIGITS.fullmatch(digits):
        if len(digits.lstrip("0")) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
            raise InvalidCount(CountProblem.TOO_LARGE, written)
        return int(digits)
    if _NEGATIVE.fullmatch(written):
        raise InvalidCount(CountProblem.NEGATIVE, written)
    if _WITH_COMMAS.fullmatch(written):
        raise InvalidCount(CountProblem.COMMA, written)
    raise InvalidCount(CountProblem.NOT_WHOLE, written)


@dataclass(frozen=True, slots=True)
class RowGroup:
    """A level of row hierarchy: ``label`` (e.g. an area) is published as the subtotal of ``members``.

    ``members`` are row labels (e.g. boroughs) of the table; groups of one table are disjoint.
    """

    label: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CountTable:
    """Counts by one or two dimensions; a one-way table has the single column ``("Count",)``.

    ``cells[i][j]`` is the count for ``row_labels[i]`` and ``column_labels[j]``. ``row_groups``
    (optional) give hierarchical subtotals that are published with the table.
    """

    row_dimension: str
    column_dimension: str | None
    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]
    row_groups: tuple[RowGroup, ...] = ()

    def __post_init__(self) -> None:
        _check_labels("row", self.row_labels)
        _check_labels("column", self.column_labels)
        if len(self.cells) != len(self.row_labels):
            raise InvalidTable(f"{len(self.row_labels)} row labels but {len(self.cells)} rows of cells")
        for label, row in zip(self.row_labels, self.cells, strict=True):
            if len(row) != len(self.column_labels):
                raise InvalidTable(
                    f"row {label!r} has {len(row)} cells; the table has {len(self.column_labels)} columns"
                )
            for column, count in zip(self.column_labels, row, strict=True):
                if isinstance(count, bool) or not isinstance(count, int):
                    raise InvalidTable(f"cell ({label!r}, {column!r}) is not an integer count: {count!r}")
                if count < 0:
                    raise InvalidTable(f"cell ({label!r}, {column!r}) is negative: {count}")
        _check_groups(self.row_groups, self.row_labels)

    @classmethod
    def one_way(
        cls, dimension: str, labels: Sequence[str], counts: Sequence[int], row_groups: Sequence[RowGroup] = ()
    ) -> CountTable:
        """A table of counts by a single dimension."""
        return cls(
            row_dimension=dimension,
            column_dimension=None,
            row_labels=tuple(labels),
            column_labels=(ONE_WAY_COLUMN,),
            cells=tuple((count,) for count in counts),
            row_groups=tuple(row_groups),
        )

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.row_labels), len(self.column_labels)

    @property
    def is_one_way(self) -> bool:
        return self.column_dimension is None and len(self.column_labels) == 1

    def row_totals(self) -> tuple[int, ...]:
        return tuple(sum(row) for row in self.cells)

    def column_totals(self) -> tuple[int, ...]:
        return tuple(sum(column) for column in zip(*self.cells, strict=True))

    def grand_total(self) -> int:
        return sum(self.row_totals())

    def group_rows(self, group: RowGroup) -> tuple[int, ...]:
        """Indices of the rows that make up ``group``."""
        index = {label: i for i, label in enumerate(self.row_labels)}
        return tuple(index[member] for member in group.members)

    def group_totals(self, group: RowGroup) -> tuple[int, ...]:
        """The subtotal of ``group`` in every column."""
        rows = self.group_rows(group)
        return tuple(sum(self.cells[i][j] for i in rows) for j in range(len(self.column_labels)))

    def count(self, row: str, column: str = ONE_WAY_COLUMN) -> int:
        try:
            return self.cells[self.row_labels.index(row)][self.column_labels.index(column)]
        except ValueError as error:
            raise KeyError((row, column)) from error


def _check_labels(kind: str, labels: tuple[str, ...]) -> None:
    if not labels:
        raise InvalidTable(f"the table has no {kind}s")
    seen: set[str] = set()
    for label in labels:
        if not isinstance(label, str) or not label.strip():
            raise InvalidTable(f"a {kind} label is empty")
        if label in seen:
            raise InvalidTable(f"{kind} label {label!r} appears twice")
        seen.add(label)


def _check_groups(groups: tuple[RowGroup, ...], row_labels: tuple[str, ...]) -> None:
    known = set(row_labels)
    placed: set[str] = set()
    names: set[str] = set()
    for group in groups:
        if group.label in names:
            raise InvalidTable(f"row group {group.label!r} appears twice")
        names.add(group.label)
        if not group.members:
            raise InvalidTable(f"row group {group.label!r} has no members")
        for member in group.members:
            if member not in known:
                raise InvalidTable(f"row group {group.label!r} names unknown row {member!r}")
            if member in placed:
                raise InvalidTable(f"row {member!r} is in more than one row group")
            placed.add(member)
