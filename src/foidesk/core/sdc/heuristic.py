"""Fast secondary suppression for big tables: one cheap protecting cycle per sensitive cell.

For a grid of rows and columns with totals (no subtotal rows), the cheapest protection a sensitive
cell ``p`` can get is a *rectangle*: ``p`` and three more cells at the corners of a rectangle of the
grid (totals included). Moving ``p`` up by ``u``, the two corners beside it down by ``u`` and the
opposite corner up by ``u`` keeps every row and column sum (with the sign flipped for a total, which
moves with its parts), so an intruder cannot tell the tables apart. The rectangle is usable when the
corners that go down hold at least that much. Each sensitive cell in turn gets the cheapest usable
rectangle, cells already hidden costing nothing (the hypercube method of Repsilber and of
Giessing's GHMITER, in two dimensions). A pass then un-hides any secondary cell whose removal still
leaves every sensitive cell with a rectangle of hidden cells, and, for tables of up to a few hundred
hidden cells, a last pass un-hides any secondary cell the audit finds unnecessary.

Grids with subtotal rows (a hierarchy), or a cell no rectangle can protect, fall back to a linear
programme per requirement: the cheapest change of the table that moves the cell as required, hiding
every cell it touches. Either way the result goes to the independent audit before release.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from foidesk.core.sdc.audit import audit_grid
from foidesk.core.sdc.grid import CellKind, PublishedGrid
from foidesk.core.sdc.optimal import Objective, SuppressionFailed, cell_costs
from foidesk.core.sdc.rule import ProtectionRule

# SciPy is imported inside the functions that use it: importing it costs about half a second, which
# start-up and the collection of the tests need not pay.

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
_TOLERANCE = 1e-7
PRUNE_UP_TO = 400  # hidden cells; above this the pruning audits would take too long
_RECTANGLE = tuple[int, int, int, int]  # row i, column j of the sensitive cell; row k, column l opposite


def fast_suppression(
    grid: PublishedGrid,
    primary: BoolArray,
    rule: ProtectionRule,
    objective: Objective = Objective.CELLS,
) -> BoolArray:
    """A pattern containing ``primary`` that protects every sensitive cell, found greedily."""
    values = grid.value_array()
    costs = cell_costs(values, objective)
    sensitive = [int(c) for c in np.flatnonzero(primary) if rule.is_sensitive(int(values[c]))]
    pattern = primary.copy()
    if not sensitive:
        return pattern
    if CellKind.SUBTOTAL in grid.kinds:
        pattern = protect_by_programmes(grid, pattern, sensitive, rule, costs)
        return _prune_by_audit(grid, pattern, primary, rule, costs)
    rectangles = _Rectangles(grid, values, costs, rule)
    # Cells that primary cells alone protect need nothing more, and keep that however the rest goes.
    sensitive = [
        c
        for c, done in zip(sensitive, rectangles.hidden_everywhere(sensitive, primary), strict=True)
        if not done
    ]
    chosen: dict[int, _RECTANGLE] = {}
    leftovers: list[int] = []
    for cell in sorted(sensitive, key=lambda c: (-rule.required_upper(int(values[c])), c)):
        rectangle = rectangles.cheapest(cell, pattern)
        if rectangle is None:
            leftovers.append(cell)
            continue
        chosen[cell] = rectangle
        pattern[rectangles.corners(rectangle)] = True
    if not leftovers:
        _drop_needless(rectangles, pattern, primary, chosen, costs)
    else:
        pattern = protect_by_programmes(grid, pattern, leftovers, rule, costs)
    return _prune_by_audit(grid, pattern, primary, rule, costs)


def _prune_by_audit(
    grid: PublishedGrid, pattern: BoolArray, primary: BoolArray, rule: ProtectionRule, costs: FloatArray
) -> BoolArray:
    """Un-hide secondary cells, dearest first, whenever the audit still passes without them.

    Rectangles miss protection that comes from longer cycles and from several cells together; the
    audit sees it. Each try costs an audit, so this runs only up to ``PRUNE_UP_TO`` hidden cells.
    """
    if pattern.sum() > PRUNE_UP_TO:
        return pattern
    pattern = pattern.copy()
    secondary = np.flatnonzero(pattern & ~primary)
    for cell in secondary[np.argsort(-costs[secondary], kind="stable")]:
        pattern[cell] = False
        if not audit_grid(grid, pattern, rule, exact=False).passed:
            pattern[cell] = True
    return pattern


def protect_by_programmes(
    grid: PublishedGrid,
    pattern: BoolArray,
    cells: list[int],
    rule: ProtectionRule,
    costs: FloatArray,
) -> BoolArray:
    """Hide, for each requirement of ``cells`` not yet met, the cells of its cheapest protecting change."""
    values = grid.value_array()
    relation = grid.relation_sparse()
    pattern = pattern.copy()
    for cell in cells:
        value = int(values[cell])
        for shift in (rule.required_upper(value), -rule.required_lower(value)):
            if shift == 0 or _can_move(relation, values, pattern, cell, shift):
                continue
            pattern |= _cheapest_change(relation, values, pattern, cell, shift, costs)
    return pattern


class _Rectangles:
    """Rectangles of a grid whose sums are rows and columns (``Total`` row and column included)."""

    def __init__(
        self, grid: PublishedGrid, values: npt.NDArray[np.int64], costs: FloatArray, rule: ProtectionRule
    ):
        self.width = grid.width
        self.height = len(grid.row_labels)
        self.values = values.reshape(self.height, self.width)
        self.costs = costs.reshape(self.height, self.width)
        self.rule = rule
        # A total moves with its parts, so in the alternating pattern its sign is flipped.
        kinds = np.array([str(kind) for kind in grid.kinds]).reshape(self.height, self.width)
        self.row_sign = np.where(kinds[:, 0] == CellKind.COLUMN_TOTAL, -1, 1)
        self.column_sign = np.where(np.isin(kinds[0], [CellKind.ROW_TOTAL, CellKind.GRAND_TOTAL]), -1, 1)

    def corners(self, rectangle: _RECTANGLE) -> list[int]:
        i, j, k, l_ = rectangle
        w = self.width
        return [i * w + l_, k * w + j, k * w + l_]

    def cheapest(self, cell: int, pattern: BoolArray) -> _RECTANGLE | None:
        """The usable rectangle adding the least cost to ``pattern``, or None."""
        i, j = divmod(cell, self.width)
        value = int(self.values[i, j])
        up, down = self.rule.required_upper(value), self.rule.required_lower(value)
        hidden = pattern.reshape(self.height, self.width)
        extra = np.where(hidden, 0.0, self.costs)
        rho = self.row_sign * self.row_sign[i]  # +1: corner in that row moves against p
        gamma = self.column_sign * self.column_sign[j]
        # Corner (i, l) moves by -gamma_l, (k, j) by -rho_k, (k, l) by +rho_k gamma_l (times p's move).
        need_il = np.where(gamma > 0, up, down)
        need_kj = np.where(rho > 0, up, down)
        need_kl = np.where(np.outer(rho, gamma) > 0, down, up)
        side_il = np.where(self.values[i] >= need_il, extra[i], np.inf)
        side_kj = np.where(self.values[:, j] >= need_kj, extra[:, j], np.inf)
        opposite = np.where(self.values >= need_kl, extra, np.inf)
        total = opposite + side_il[np.newaxis, :] + side_kj[:, np.newaxis]
        total[i, :] = np.inf
        total[:, j] = np.inf
        k, l_ = np.unravel_index(int(np.argmin(total)), total.shape)
        if not np.isfinite(total[k, l_]):
            return None
        return i, j, int(k), int(l_)

    def hidden_everywhere(self, cells: list[int], pattern: BoolArray) -> list[bool]:
        """For each of ``cells`` at once, whether a usable rectangle of hidden cells protects it.

        Cells are grouped by what they need (their required moves and whether their row and column
        are totals); per group, the rectangles through every cell are counted by two matrix products,
        ``X Z^T Y`` over the grid (corner beside in the row, opposite, beside in the column), less the
        terms that reuse the cell itself.
        """
        found = np.zeros(len(cells), dtype=bool)
        if not cells:
            return []
        hidden = pattern.reshape(self.height, self.width)
        flat = np.asarray(cells)
        rows, columns = np.divmod(flat, self.width)
        values = self.values[rows, columns]
        ups = np.array([self.rule.required_upper(int(v)) for v in values])
        downs = np.array([self.rule.required_lower(int(v)) for v in values])
        keys = np.column_stack([ups, downs, self.row_sign[rows], self.column_sign[columns]])
        for key in np.unique(keys, axis=0):
            up, down, row_sign, column_sign = (int(k) for k in key)
            members = np.flatnonzero((keys == key).all(axis=1))
            rho = (self.row_sign * row_sign)[:, np.newaxis]
            gamma = (self.column_sign * column_sign)[np.newaxis, :]
            beside_in_row = hidden & (self.values >= np.where(gamma > 0, up, down))
            beside_in_column = hidden & (self.values >= np.where(rho > 0, up, down))
            opposite = hidden & (self.values >= np.where(rho * gamma > 0, down, up))
            x, y, z = (m.astype(np.float64) for m in (beside_in_row, beside_in_column, opposite))
            i, j = rows[members], columns[members]
            count = ((x @ z.T) @ y)[i, j]
            own = x[i, j] * z[i, j] * y[i, j]
            same_row = (x[i] * z[i]).sum(axis=1) * y[i, j]
            same_column = x[i, j] * (z[:, j] * y[:, j]).sum(axis=0)
            found[members] = count - same_row - same_column + own > 0.5
        return [bool(f) for f in found]

    def hidden_rectangle(self, cell: int, pattern: BoolArray) -> _RECTANGLE | None:
        """A usable rectangle of cells all already hidden, or None."""
        rectangle = self.cheapest(cell, pattern)
        if rectangle is None or not pattern[self.corners(rectangle)].all():
            return None
        return rectangle


def _drop_needless(
    rectangles: _Rectangles,
    pattern: BoolArray,
    primary: BoolArray,
    chosen: dict[int, _RECTANGLE],
    costs: FloatArray,
) -> None:
    """Un-hide secondary cells, dearest first, while every sensitive cell keeps a hidden rectangle."""
    users: dict[int, set[int]] = {}
    for cell, rectangle in chosen.items():
        for corner in rectangles.corners(rectangle):
            users.setdefault(corner, set()).add(cell)
    secondary = np.flatnonzero(pattern & ~primary)
    for candidate in secondary[np.argsort(-costs[secondary], kind="stable")]:
        dependants = users.get(int(candidate), set())
        pattern[candidate] = False
        replacements: dict[int, _RECTANGLE] = {}
        for cell in dependants:
            found = rectangles.hidden_rectangle(cell, pattern)
            if found is None:
                break
            replacements[cell] = found
        if len(replacements) < len(dependants):
            pattern[candidate] = True
            continue
        for cell, rectangle in replacements.items():
            for corner in rectangles.corners(chosen[cell]):
                users[corner].discard(cell)
            chosen[cell] = rectangle
            for corner in rectangles.corners(rectangle):
                users.setdefault(corner, set()).add(cell)


def _can_move(
    relation: object, values: npt.NDArray[np.int64], pattern: BoolArray, cell: int, shift: int
) -> bool:
    """Whether the hidden cells of ``pattern`` already let ``cell`` move by ``shift``."""
    from scipy.optimize import linprog

    if _rows(relation) == 0:
        return True
    size = abs(shift)
    floor = np.minimum(values, size).astype(np.float64)
    hidden = pattern.astype(np.float64)
    cost = np.zeros(values.size)
    cost[cell] = -np.sign(shift)
    result = linprog(
        cost,
        A_eq=relation,
        b_eq=np.zeros(_rows(relation)),
        bounds=np.column_stack([-floor * hidden, size * hidden]),
        method="highs",
    )
    return bool(result.status == 0 and -result.fun >= size - _TOLERANCE)


def _cheapest_change(
    relation: Any,  # scipy sparse matrix: SciPy ships no type information
    values: npt.NDArray[np.int64],
    pattern: BoolArray,
    cell: int,
    shift: int,
    costs: FloatArray,
) -> BoolArray:
    """Cells touched by the cheapest change moving ``cell`` by ``shift`` (hidden cells cost nothing).

    The change is split into its rises and falls, ``y = rise - fall``, each priced at the cell's cost.
    """
    import scipy.sparse as sp
    from scipy.optimize import linprog

    size = abs(shift)
    n = values.size
    price = np.where(pattern, 0.0, costs)
    floor = np.minimum(values, size).astype(np.float64)
    bounds = np.column_stack([np.zeros(2 * n), np.concatenate([np.full(n, float(size)), floor])])
    bounds[cell] = (max(shift, 0), max(shift, 0))
    bounds[n + cell] = (max(-shift, 0), max(-shift, 0))
    matrix = sp.hstack([relation, -relation]) if _rows(relation) else None
    result = linprog(
        np.concatenate([price, price]),
        A_eq=matrix,
        b_eq=np.zeros(_rows(relation)) if matrix is not None else None,
        bounds=bounds,
        method="highs",
    )
    if result.status != 0:
        raise SuppressionFailed(f"no change of the table can protect a cell: {result.message}")
    moved = np.abs(result.x[:n] - result.x[n:]) > _TOLERANCE
    return np.asarray(moved | pattern, dtype=bool)


def _rows(relation: Any) -> int:
    shape = getattr(relation, "shape", (0, 0))
    return int(shape[0])
