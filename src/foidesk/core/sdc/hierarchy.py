"""Declared sums of a table as written: which rows or columns are totals or subtotals of which others.

A table as an authority writes it often carries more than one total: a row per area that is the sum
of its boroughs, a total labelled "All allegations", a column of subtotals. Each such sum is a
linear equation the intruder reads off the published table, so suppression and the audit must see
it, or a suppressed borough can be worked out as the area minus the other boroughs (s.40(2) FOIA;
ONS: secondary suppression so that suppressed cells cannot be worked out from totals, DOMAIN.md C).

A sum is declared in three ways, all resolved here into :class:`SumConstraint` per axis:

- a *total label* (``Total`` and any others the caller names, compared trimmed and case-blind): the
  row or column is the sum of every row or column that is not itself a sum (the *leaves*);
- a *hierarchy* (:func:`hierarchy_from_json`), e.g.
  ``{"rows": {"North": ["Barnet", "Camden"], "All allegations": ["North", "South"]}}``; a sum's parts may
  be sums themselves (nesting), and a part may belong to several sums;
- the *header convention*: a label ``Σ North`` or ``North (subtotal)`` is the sum of the leaves
  written directly before it, back to the previous sum (or the first row or column).

:func:`check_sums` checks every declared sum against the values and names the cell that disagrees;
:func:`build_hierarchical_grid` builds the :class:`~foidesk.core.sdc.grid.PublishedGrid` whose
relations are every declared sum, so the existing suppression methods and audit, which take any
grid of relations, protect against all of them. The grand total is labelled ``Total`` in the grid,
as :mod:`grid` and :mod:`ledger` expect.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from foidesk.core.sdc.grid import TOTAL_LABEL, CellKind, PublishedGrid, Relation
from foidesk.core.sdc.table import RowGroup

SUBTOTAL_PREFIX = "Σ "  # "Σ North": the leaves written before it since the previous sum
SUBTOTAL_SUFFIX = " (subtotal)"  # "North (subtotal)": likewise
DEFAULT_TOTAL_LABELS = ("Total",)
_MISMATCHES_NAMED = 1  # the error names this many disagreeing cells and counts the rest


class Axis(StrEnum):
    ROW = "row"
    COLUMN = "column"


class InvalidHierarchy(ValueError):
    """A declaration of sums that cannot apply to the table: unknown labels, cycles, bad JSON shape."""


class SumMismatch(ValueError):
    """A declared sum that the table's values contradict."""


@dataclass(frozen=True, slots=True)
class SumConstraint:
    """``total`` is published as the sum of ``parts`` (labels of the same axis)."""

    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeclaredSums:
    """Sums declared for rows and for columns, labels as the declaration wrote them."""

    rows: tuple[SumConstraint, ...] = ()
    columns: tuple[SumConstraint, ...] = ()

    def to_json(self) -> dict[str, dict[str, list[str]]]:
        return {
            "rows": {s.total: list(s.parts) for s in self.rows},
            "columns": {s.total: list(s.parts) for s in self.columns},
        }


@dataclass(frozen=True, slots=True)
class ResolvedAxis:
    """One side of a table: its labels in file order and every sum among them, checked.

    ``sums`` use the labels as the table writes them; ``grand_total`` (if any) is the sum whose
    leaves are every leaf, published as ``Total`` in the grid.
    """

    axis: Axis
    labels: tuple[str, ...]
    sums: tuple[SumConstraint, ...]
    grand_total: str | None

    @property
    def leaves(self) -> tuple[str, ...]:
        """The labels that are counts, not sums, in file order."""
        totals = {s.total for s in self.sums}
        return tuple(label for label in self.labels if label not in totals)

    @property
    def subtotals(self) -> tuple[SumConstraint, ...]:
        """The sums other than the grand total, in file order."""
        order = {label: i for i, label in enumerate(self.labels)}
        found = [s for s in self.sums if s.total != self.grand_total]
        return tuple(sorted(found, key=lambda s: order[s.total]))

    def grid_order(self) -> tuple[str, ...]:
        """The labels (as written) in the grid's order: leaves, subtotals, then the grand total."""
        total = (self.grand_total,) if self.grand_total is not None else ()
        return self.leaves + tuple(s.total for s in self.subtotals) + total

    def grid_label(self, label: str) -> str:
        """The grid's label for ``label``: itself, or ``Total`` for the grand total."""
        return TOTAL_LABEL if label == self.grand_total else label

    def row_groups(self) -> tuple[RowGroup, ...] | None:
        """The subtotals as :class:`RowGroup` (one level, disjoint, of leaves), or None if they are not.

        That is the shape a :class:`~foidesk.core.sdc.table.CountTable` and the release ledger know.
        """
        leaves = set(self.leaves)
        placed: set[str] = set()
        groups = []
        for subtotal in self.subtotals:
            if not leaves.issuperset(subtotal.parts) or placed.intersection(subtotal.parts):
                return None
            placed.update(subtotal.parts)
            groups.append(RowGroup(subtotal.total, subtotal.parts))
        return tuple(groups)


def hierarchy_from_json(data: object) -> DeclaredSums:
    """Read ``{"rows": {SUM: [PART, ...]}, "columns": {...}}`` (either key optional)."""
    if not isinstance(data, dict):
        raise InvalidHierarchy("the hierarchy must be a JSON object with keys 'rows' and/or 'columns'")
    unknown = sorted(set(data) - {"rows", "columns"})
    if unknown:
        raise InvalidHierarchy(f"the hierarchy has unknown key {unknown[0]!r} (expected 'rows', 'columns')")
    return DeclaredSums(
        rows=_sums_from_json(data.get("rows", {}), Axis.ROW),
        columns=_sums_from_json(data.get("columns", {}), Axis.COLUMN),
    )


def _sums_from_json(data: object, axis: Axis) -> tuple[SumConstraint, ...]:
    if not isinstance(data, dict):
        raise InvalidHierarchy(f"the hierarchy's {axis}s must map each sum to a list of its parts")
    sums = []
    for total, parts in data.items():
        if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
            raise InvalidHierarchy(f"{axis} sum {total!r}: its parts must be a list of labels")
        sums.append(SumConstraint(str(total).strip(), tuple(p.strip() for p in parts)))
    return tuple(sums)


def resolve_axis(
    axis: Axis,
    labels: Sequence[str],
    declared: Sequence[SumConstraint] = (),
    total_labels: Sequence[str] = DEFAULT_TOTAL_LABELS,
) -> ResolvedAxis:
    """Every sum among ``labels``: declared ones, the header convention's, and the total labels'.

    Declared labels are matched trimmed and case-blind. Raises :class:`InvalidHierarchy` for a label
    the table lacks, a sum of nothing or of itself, a cycle, or two grand totals.
    """
    labels = tuple(labels)
    lookup = _lookup(axis, labels)
    sums: dict[str, tuple[str, ...]] = {}
    for constraint in declared:
        total = _find(axis, lookup, constraint.total)
        if total in sums:
            raise InvalidHierarchy(f"{axis} {total!r} is declared as a sum twice")
        sums[total] = _parts(axis, lookup, total, constraint.parts)
    wanted = {t.strip().casefold() for t in total_labels}
    named_totals = [label for label in labels if label.strip().casefold() in wanted]
    if len(named_totals) > 1:
        raise InvalidHierarchy(f"{axis}s {named_totals[0]!r} and {named_totals[1]!r} are both totals")
    for total, parts in _conventional_sums(labels, set(sums) | set(named_totals)).items():
        if not parts:
            raise InvalidHierarchy(f"{axis} {total!r} is marked as a subtotal but no {axis}s come before it")
        sums[total] = parts
    _check_acyclic(axis, sums)
    leaves = [label for label in labels if label not in sums and label not in named_totals]
    if not leaves:
        raise InvalidHierarchy(f"every {axis} is a total or subtotal: there are no counts to protect")
    grand_total: str | None = None
    if named_totals:
        grand_total = named_totals[0]
        sums.setdefault(grand_total, tuple(leaves))
    else:
        everything = set(leaves)
        used = {p for parts in sums.values() for p in parts}
        tops = [t for t in sums if t not in used and _leaves_of(t, sums) == everything]
        grand_total = min(tops, key=labels.index) if tops else None
    ordered = tuple(SumConstraint(total, sums[total]) for total in labels if total in sums)
    return ResolvedAxis(axis, labels, ordered, grand_total)


def _lookup(axis: Axis, labels: tuple[str, ...]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for label in labels:
        key = label.strip().casefold()
        if key in lookup:
            raise InvalidHierarchy(f"{axis} label {label!r} appears twice")
        lookup[key] = label
    return lookup


def _find(axis: Axis, lookup: Mapping[str, str], label: str) -> str:
    try:
        return lookup[label.strip().casefold()]
    except KeyError:
        raise InvalidHierarchy(
            f"the hierarchy names {axis} {label!r}, which the table does not have"
        ) from None


def _parts(axis: Axis, lookup: Mapping[str, str], total: str, declared: Sequence[str]) -> tuple[str, ...]:
    parts = tuple(_find(axis, lookup, p) for p in declared)
    if not parts:
        raise InvalidHierarchy(f"{axis} sum {total!r} has no parts")
    if total in parts:
        raise InvalidHierarchy(f"{axis} sum {total!r} is declared as a part of itself")
    if len(set(parts)) != len(parts):
        raise InvalidHierarchy(f"{axis} sum {total!r} names a part twice")
    return parts


def is_marked_subtotal(label: str) -> bool:
    """The header convention: ``Σ North`` or ``North (subtotal)``."""
    text = label.strip()
    return text.startswith(SUBTOTAL_PREFIX) or text.casefold().endswith(SUBTOTAL_SUFFIX)


def _conventional_sums(labels: tuple[str, ...], declared: set[str]) -> dict[str, tuple[str, ...]]:
    """Each marked, undeclared subtotal sums the plain labels since the previous sum or total."""
    sums: dict[str, tuple[str, ...]] = {}
    run: list[str] = []
    for label in labels:
        if label in declared:
            run = []
        elif is_marked_subtotal(label):
            sums[label] = tuple(run)
            run = []
        else:
            run.append(label)
    return sums


def _check_acyclic(axis: Axis, sums: Mapping[str, tuple[str, ...]]) -> None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(label: str, path: list[str]) -> None:
        if state.get(label) == 2:
            return
        if state.get(label) == 1:
            cycle = " -> ".join([*path[path.index(label) :], label])
            raise InvalidHierarchy(f"the {axis} sums go round in a circle: {cycle}")
        state[label] = 1
        for part in sums.get(label, ()):
            visit(part, [*path, label])
        state[label] = 2

    for total in sums:
        visit(total, [])


def _leaves_of(label: str, sums: Mapping[str, tuple[str, ...]]) -> set[str]:
    if label not in sums:
        return {label}
    return set().union(*(_leaves_of(p, sums) for p in sums[label]))


def check_sums(rows: ResolvedAxis, columns: ResolvedAxis, values: Sequence[Sequence[int]]) -> None:
    """Every declared sum must hold in every column (row sums) and every row (column sums).

    ``values[i][j]`` is the cell of ``rows.labels[i]`` and ``columns.labels[j]`` (file order).
    Raises :class:`SumMismatch` naming the first cell that disagrees and how many more do.
    """
    row_index = {label: i for i, label in enumerate(rows.labels)}
    column_index = {label: j for j, label in enumerate(columns.labels)}
    problems: list[str] = []
    for s in rows.sums:
        for j, column in enumerate(columns.labels):
            stated = values[row_index[s.total]][j]
            found = sum(values[row_index[p]][j] for p in s.parts)
            if stated != found:
                problems.append(_mismatch(rows, s, stated, found, (s.total, column)))
    for s in columns.sums:
        for i, row in enumerate(rows.labels):
            stated = values[i][column_index[s.total]]
            found = sum(values[i][column_index[p]] for p in s.parts)
            if stated != found:
                problems.append(_mismatch(columns, s, stated, found, (row, s.total)))
    if problems:
        more = len(problems) - _MISMATCHES_NAMED
        raise SumMismatch(
            "; ".join(problems[:_MISMATCHES_NAMED]) + (f" (and {more} more)" if more > 0 else "")
        )


def _mismatch(axis: ResolvedAxis, s: SumConstraint, stated: int, found: int, cell: tuple[str, str]) -> str:
    parts = " + ".join(repr(p) for p in s.parts) if len(s.parts) <= 4 else f"its {len(s.parts)} {axis.axis}s"
    message = f"cell ({cell[0]!r}, {cell[1]!r}) is {stated}, but as a sum of {parts} it should be {found}"
    if s.total == axis.grand_total and not any(p in {t.total for t in axis.sums} for p in s.parts):
        message += f" (is a subtotal {axis.axis} not declared? see --hierarchy)"
    return message


def undeclared_sums(axis: ResolvedAxis, vectors: Mapping[str, Sequence[int]], *, runs: bool) -> list[str]:
    """Leaves that look like undeclared sums: equal (and not all zero) to the sum of the other leaves,
    or, with ``runs``, of two or more leaves written directly before or after them.

    Such a row would be published as a count while the intruder reads it as a total: the
    protection would then ignore the equation it gives. Each finding reads ``'All' = 'A' + 'B'``.
    """
    leaves = axis.leaves
    found: list[str] = []
    for position, label in enumerate(leaves):
        target = tuple(vectors[label])
        if not any(target):
            continue
        others = [leaf for leaf in leaves if leaf != label]
        candidates = [others] if len(others) >= 2 else []
        if runs:
            candidates += [list(leaves[start:position]) for start in range(position - 1)]
            candidates += [list(leaves[position + 1 : end]) for end in range(position + 3, len(leaves) + 1)]
        for parts in candidates:
            if _vector_sum(vectors, parts) == target:
                found.append(f"{label!r} = {' + '.join(repr(p) for p in parts)}")
                break
    return found


def _vector_sum(vectors: Mapping[str, Sequence[int]], labels: Sequence[str]) -> tuple[int, ...]:
    return tuple(sum(column) for column in zip(*(vectors[label] for label in labels), strict=True))


def build_hierarchical_grid(
    rows: ResolvedAxis, columns: ResolvedAxis, values: Sequence[Sequence[int]]
) -> PublishedGrid:
    """The grid published for a table with declared sums: each sum, in each row or column, a relation.

    ``values`` are in file order (as for :func:`check_sums`, which should have passed). Cell kinds
    follow :mod:`grid`: a cell in a subtotal row or column is ``SUBTOTAL`` (so the fast method uses
    its linear programmes, not rectangles), the grand totals ``ROW_TOTAL``, ``COLUMN_TOTAL`` and
    ``GRAND_TOTAL``.
    """
    row_order = rows.grid_order()
    column_order = columns.grid_order()
    file_row = {label: i for i, label in enumerate(rows.labels)}
    file_column = {label: j for j, label in enumerate(columns.labels)}
    width = len(column_order)
    at = {label: i for i, label in enumerate(row_order)}
    across = {label: j for j, label in enumerate(column_order)}
    grid_values = tuple(values[file_row[r]][file_column[c]] for r in row_order for c in column_order)
    kinds = tuple(_kind(rows, r, columns, c) for r in row_order for c in column_order)
    relations: list[Relation] = []
    for s in columns.sums:
        for r in row_order:
            relations.append(
                Relation(at[r] * width + across[s.total], tuple(at[r] * width + across[p] for p in s.parts))
            )
    for s in rows.sums:
        for c in column_order:
            relations.append(
                Relation(at[s.total] * width + across[c], tuple(at[p] * width + across[c] for p in s.parts))
            )
    return PublishedGrid(
        row_labels=tuple(rows.grid_label(r) for r in row_order),
        column_labels=tuple(columns.grid_label(c) for c in column_order),
        values=grid_values,
        kinds=kinds,
        relations=tuple(relations),
    )


def _kind(rows: ResolvedAxis, row: str, columns: ResolvedAxis, column: str) -> CellKind:
    row_sum = row in {s.total for s in rows.sums}
    column_sum = column in {s.total for s in columns.sums}
    if (row_sum and row != rows.grand_total) or (column_sum and column != columns.grand_total):
        return CellKind.SUBTOTAL
    if row_sum and column_sum:
        return CellKind.GRAND_TOTAL
    if row_sum:
        return CellKind.COLUMN_TOTAL
    if column_sum:
        return CellKind.ROW_TOTAL
    return CellKind.COUNT
