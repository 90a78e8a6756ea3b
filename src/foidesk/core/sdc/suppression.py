"""Cell suppression: hide the small counts (primary) and enough others (secondary), then audit the result.

:func:`protect` is the entry point: a :class:`CountTable` in, a :class:`ProtectedTable` out, whose
display cells read ``[c]`` where a value is withheld (the Government Analysis Function's symbol for
confidential). Primary suppression hides every count the :class:`ProtectionRule` calls sensitive,
totals included, since a total is a count of people too. Secondary suppression, by the optimal
mixed-integer programme (:mod:`optimal`) or the fast heuristic (:mod:`heuristic`), hides more cells so
that no hidden small count can be narrowed down from the totals. The pattern then goes through the
independent audit (:mod:`audit`); if the audit finds a cell still exposed (it should not), the cell
is protected again by linear programmes and the audit repeated.

The optimal method runs to a time limit. If the limit strikes before it has a safe pattern, the fast
method's pattern (and the optimal method's last pattern, mended by programmes when only a few cells
are left unprotected) is used instead, whichever hides less; the result says the limit was hit and
carries the lower bound HiGHS proved, so the report can state how far from optimal it may be. The
audit has its own time limit; if that strikes, :class:`~foidesk.core.sdc.audit.AuditIncomplete` is
raised and nothing is released.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from foidesk.core.sdc.audit import AuditReport, audit_grid
from foidesk.core.sdc.grid import Margins, PublishedGrid, build_grid
from foidesk.core.sdc.heuristic import fast_suppression, protect_by_programmes
from foidesk.core.sdc.optimal import (
    DEFAULT_TIME_LIMIT_SECONDS,
    Objective,
    OptimalPattern,
    bounded_count,
    cell_costs,
    optimal_suppression,
)
from foidesk.core.sdc.rule import DEFAULT_THRESHOLD, ProtectionRule
from foidesk.core.sdc.table import CountTable

SUPPRESSED_SYMBOL = "[c]"  # Government Analysis Function: "[c]" = confidential
REPAIR_ROUNDS = 3
DEFAULT_AUDIT_TIME_LIMIT_SECONDS = 60.0  # a setting; on a 500x200 table the audit takes a few seconds
MEND_UP_TO = 20  # unprotected cells of a timed-out optimal pattern worth mending by programmes

BoolArray = npt.NDArray[np.bool_]


class Method(StrEnum):
    OPTIMAL = "optimal"  # mixed-integer programme: fewest cells (or least value), proven
    FAST = "fast"  # greedy rectangles: for big tables


class Reason(StrEnum):
    PRIMARY = "primary"  # a small count itself
    SECONDARY = "secondary"  # hidden so that a small count cannot be worked out


@dataclass(frozen=True, slots=True)
class SuppressedCell:
    """A withheld cell and why. Its true value is deliberately not kept here."""

    row: str
    column: str
    reason: Reason

    def to_json(self) -> dict[str, str]:
        return {"row": self.row, "column": self.column, "reason": str(self.reason)}


@dataclass(frozen=True, slots=True)
class ProtectedTable:
    """A table ready for release: the grid, which cells are hidden and why, and the audit's verdict.

    ``grid`` holds the true values (it is what the audit and the ledger need); what may leave the
    building is :attr:`display_cells` (or :meth:`published_values`), never the grid.
    """

    table: CountTable
    grid: PublishedGrid
    hidden: tuple[bool, ...]
    suppressed: tuple[SuppressedCell, ...]
    method: Method
    objective: Objective
    rule: ProtectionRule
    audit: AuditReport
    proven_optimal: bool
    time_limit_hit: bool = False  # the optimal method ran out of time and fell back (see the module)
    lower_bound: int | None = None  # the least information loss HiGHS proved possible (optimal only)

    @property
    def row_labels(self) -> tuple[str, ...]:
        """Display rows: the table's rows, group subtotals, then ``Total`` if published."""
        return self.grid.row_labels

    @property
    def column_labels(self) -> tuple[str, ...]:
        return self.grid.column_labels

    @property
    def display_cells(self) -> tuple[tuple[str, ...], ...]:
        """Every display cell as text, ``[c]`` where suppressed."""
        width = self.grid.width
        texts = [
            SUPPRESSED_SYMBOL if hide else str(value)
            for value, hide in zip(self.grid.values, self.hidden, strict=True)
        ]
        return tuple(tuple(texts[r * width : (r + 1) * width]) for r in range(len(self.grid.row_labels)))

    def published_values(self) -> tuple[int | None, ...]:
        """The grid row-major as released: None where suppressed."""
        return tuple(None if hide else v for v, hide in zip(self.grid.values, self.hidden, strict=True))

    @property
    def release_allowed(self) -> bool:
        return self.audit.passed

    @property
    def suppressed_value(self) -> int:
        """The number of records withheld, summed over hidden cells."""
        return sum(v for v, hide in zip(self.grid.values, self.hidden, strict=True) if hide)

    @property
    def information_loss(self) -> int:
        """What the method minimises: hidden cells (``Objective.CELLS``) or hidden value (``VALUE``)."""
        if self.objective is Objective.VALUE:
            return self.suppressed_value
        return len(self.suppressed)

    @property
    def gap(self) -> float | None:
        """How far the information loss may be above the optimum, as a fraction of it (None: unknown)."""
        if self.lower_bound is None:
            return None
        loss = self.information_loss
        return 0.0 if loss <= self.lower_bound else (loss - self.lower_bound) / loss

    def to_json(self) -> dict[str, object]:
        """The suppression report of the ``foidesk protect`` contract (no true values of hidden cells)."""
        return {
            "suppressed": [cell.to_json() for cell in self.suppressed],
            "cells": self.grid.size,
            "information_loss": self.information_loss,
            "method": str(self.method),
            "objective": str(self.objective),
            "primary": sum(1 for c in self.suppressed if c.reason is Reason.PRIMARY),
            "secondary": sum(1 for c in self.suppressed if c.reason is Reason.SECONDARY),
            "threshold": self.rule.threshold,
            "proven_optimal": self.proven_optimal,
            "time_limit_hit": self.time_limit_hit,
            "lower_bound": self.lower_bound,
            "gap": None if self.gap is None else round(self.gap, 4),
            "audit": self.audit.to_json(),
        }


def primary_suppression(grid: PublishedGrid, rule: ProtectionRule) -> BoolArray:
    """Every cell whose count the rule calls sensitive (totals included)."""
    return np.array([rule.is_sensitive(v) for v in grid.values], dtype=bool)


def protect(
    table: CountTable,
    *,
    threshold: int = DEFAULT_THRESHOLD,
    method: Method | str = Method.OPTIMAL,
    zero_is_sensitive: bool = False,
    protection_level: int | None = None,
    margins: Margins | None = None,
    objective: Objective | str = Objective.CELLS,
    time_limit: float = DEFAULT_TIME_LIMIT_SECONDS,
    audit_time_limit: float = DEFAULT_AUDIT_TIME_LIMIT_SECONDS,
) -> ProtectedTable:
    """Protect ``table`` published with ``margins`` (and its row groups' subtotals).

    By default every total is published; a one-way table gets only its ``Total`` row (a total
    column would repeat each count). ``time_limit`` bounds the optimal method (seconds of wall
    clock), ``audit_time_limit`` the audit.
    """
    rule = ProtectionRule(threshold, zero_is_sensitive, protection_level)
    if margins is None:
        margins = Margins(row_totals=not table.is_one_way)
    return protect_grid(
        table,
        build_grid(table, margins),
        rule,
        Method(method),
        Objective(objective),
        time_limit,
        audit_time_limit=audit_time_limit,
    )


def protect_grid(
    table: CountTable,
    grid: PublishedGrid,
    rule: ProtectionRule,
    method: Method,
    objective: Objective,
    time_limit: float = DEFAULT_TIME_LIMIT_SECONDS,
    *,
    audit_time_limit: float = DEFAULT_AUDIT_TIME_LIMIT_SECONDS,
) -> ProtectedTable:
    primary = primary_suppression(grid, rule)
    costs = cell_costs(grid.value_array(), objective)
    proven = timed_out = False
    bound: int | None = None
    if method is Method.OPTIMAL:
        found = optimal_suppression(grid, primary, rule, objective, time_limit=time_limit)
        pattern, proven, bound = found.suppressed, found.proven_optimal, bounded_count(found.lower_bound)
        if not found.complete:
            timed_out = True
            pattern = _fallback(grid, primary, rule, objective, costs, found)
    else:
        pattern = fast_suppression(grid, primary, rule, objective)
    report = audit_grid(grid, pattern, rule, time_limit_seconds=audit_time_limit)
    for _ in range(REPAIR_ROUNDS):
        if report.passed:
            break
        exposed = [grid.index(c.row, c.column) for c in report.failures]
        pattern = protect_by_programmes(grid, pattern, exposed, rule, costs)
        proven = False
        report = audit_grid(grid, pattern, rule, time_limit_seconds=audit_time_limit)
    suppressed = tuple(
        SuppressedCell(*grid.position(int(k)), Reason.PRIMARY if primary[k] else Reason.SECONDARY)
        for k in np.flatnonzero(pattern)
    )
    return ProtectedTable(
        table=table,
        grid=grid,
        hidden=tuple(bool(h) for h in pattern),
        suppressed=suppressed,
        method=method,
        objective=objective,
        rule=rule,
        audit=report,
        proven_optimal=proven,
        time_limit_hit=timed_out,
        lower_bound=bound,
    )


def _fallback(
    grid: PublishedGrid,
    primary: BoolArray,
    rule: ProtectionRule,
    objective: Objective,
    costs: npt.NDArray[np.float64],
    found: OptimalPattern,
) -> BoolArray:
    """After the optimal method's time ran out: the fast pattern, or the mended optimal one if cheaper."""
    candidates = [fast_suppression(grid, primary, rule, objective)]
    if len(found.unprotected) <= MEND_UP_TO:
        candidates.append(protect_by_programmes(grid, found.suppressed, list(found.unprotected), rule, costs))
    return min(candidates, key=lambda pattern: float(costs[pattern].sum()))
