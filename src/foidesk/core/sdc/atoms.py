"""The atoms of a joint audit: the finest pieces into which a set of cells cuts the records.

Every cell of every table in the ledger is a sum of atoms; pieces no cell tells apart are merged, so
the joint linear programme (:mod:`foidesk.core.sdc.ledger`) has one variable per distinct piece, not
one per combination of every dimension's values. Above :data:`MAX_ATOMS` the programme is too big to
solve interactively and the audit is refused (:class:`LedgerTooLarge`: fail closed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from foidesk.core.sdc.ledger_entry import EVERY, Members, Scope

# SciPy is imported inside the functions that use it: importing it costs about half a second, which
# start-up and the collection of the tests need not pay.

MAX_ATOMS = 200_000  # beyond this the joint programme is too big to solve interactively
_OTHER = "\x00other"  # stands for every value no table names


class LedgerTooLarge(ValueError):
    """The earlier releases and the new table cut the records into too many pieces to audit jointly."""


def overlap(a: Scope, b: Scope) -> bool:
    """Whether two footprints can count a record in common."""
    return all(not a.get(d, EVERY).meet(b.get(d, EVERY)).empty for d in set(a) | set(b))


class Atoms:
    """The pieces the cells cut the records into: one per distinct set of cells holding a record.

    Built dimension by dimension: within each dimension values are grouped into blocks (values no
    cell tells apart), and a combination of blocks is kept only as a new piece if the cells holding
    it differ from every piece already found, so the count stays that of the distinct pieces rather
    than the product of every dimension's blocks. ``row(i)`` is scope ``i`` as a sparse 0/1 row.
    """

    def __init__(self, scopes: Sequence[Scope]) -> None:
        import scipy.sparse as sp

        self.dimensions = sorted({d for scope in scopes for d in scope})
        self.block_values: dict[str, list[list[str]]] = {}
        width = len(scopes)
        holds: dict[str, npt.NDArray[np.bool_]] = {}  # per dimension: scopes x blocks
        for d in self.dimensions:
            sets = sorted({s for scope in scopes if (s := scope.get(d)) is not None}, key=_members_key)
            values = sorted(set().union(*(s.values for s in sets)) | {_OTHER})
            signatures = {v: tuple(s.holds(v) for s in sets) for v in values}
            distinct = sorted(set(signatures.values()))
            self.block_values[d] = [[v for v in values if signatures[v] == sig] for sig in distinct]
            position = {s: i for i, s in enumerate(sets)}
            table = np.ones((width, len(distinct)), dtype=bool)
            for k, scope in enumerate(scopes):
                if (members := scope.get(d)) is not None:
                    table[k] = [sig[position[members]] for sig in distinct]
            holds[d] = table
        order = sorted(self.dimensions, key=lambda d: holds[d].shape[1])
        pieces = np.packbits(np.ones((1, width), dtype=bool), axis=1)
        blocks = np.zeros((1, 0), dtype=np.intp)
        counts = np.ones(1)
        for d in order:
            pieces, blocks, counts = _refine(pieces, blocks, counts, np.packbits(holds[d].T, axis=1))
            if pieces.shape[0] > MAX_ATOMS:
                raise LedgerTooLarge(f"more than {MAX_ATOMS} pieces across {', '.join(self.dimensions)}")
        self.order = order
        self.representatives = [tuple(int(b) for b in row) for row in blocks]
        self.merged = [int(c) for c in counts]
        self.size = len(self.representatives)
        self.matrix = sp.csr_matrix(np.unpackbits(pieces, axis=1, count=width).T.astype(np.float64))

    def row(self, scope: int) -> Any:
        """Scope ``scope`` (its index in the list given) as a 1 x pieces sparse 0/1 row."""
        return self.matrix[scope]

    def describe(self, atom: int) -> str:
        """The records a piece counts, e.g. ``borough: Camden; received: 2020-01-01 .. 2020-12-31 (366)``."""
        chosen = dict(zip(self.order, self.representatives[atom], strict=True))
        parts = []
        for d in self.dimensions:
            values = [v if v != _OTHER else "(any other)" for v in self.block_values[d][chosen[d]]]
            shown = ", ".join(values) if len(values) <= 3 else f"{values[0]} .. {values[-1]} ({len(values)})"
            parts.append(f"{d}: {shown}")
        text = "; ".join(parts)
        others = self.merged[atom] - 1
        return text if not others else f"{text} (with {others} pieces no table tells apart)"


def _refine(
    pieces: npt.NDArray[np.uint8],
    blocks: npt.NDArray[np.intp],
    counts: npt.NDArray[np.float64],
    packed: npt.NDArray[np.uint8],
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.intp], npt.NDArray[np.float64]]:
    """Cut every piece by one more dimension's blocks; keep the distinct non-empty cell sets.

    ``pieces`` and ``packed`` are bit-packed sets of cells (rows); ``blocks`` the blocks chosen so far
    for each piece's representative, ``counts`` how many block combinations each piece stands for.
    """
    n_blocks, n_bytes = packed.shape
    step = max(1, 4_000_000 // max(1, n_blocks * n_bytes))
    kept_pieces, kept_blocks, kept_counts = [], [], []
    for start in range(0, pieces.shape[0], step):
        chunk = pieces[start : start + step]
        joined = (chunk[:, None, :] & packed[None, :, :]).reshape(-1, n_bytes)
        alive = np.flatnonzero(joined.any(axis=1))
        origin, block = np.divmod(alive, n_blocks)
        kept_pieces.append(joined[alive])
        kept_blocks.append(np.hstack([blocks[start + origin], block[:, None]]))
        kept_counts.append(counts[start + origin])
    joined_all = np.concatenate(kept_pieces) if kept_pieces else np.zeros((0, n_bytes), dtype=np.uint8)
    if joined_all.shape[0] == 0:
        return joined_all, np.zeros((0, blocks.shape[1] + 1), dtype=np.intp), np.zeros(0)
    keys = np.ascontiguousarray(joined_all).view(np.dtype((np.void, n_bytes))).ravel()
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    merged = np.bincount(inverse.ravel(), weights=np.concatenate(kept_counts)).astype(np.float64)
    return joined_all[first], np.concatenate(kept_blocks)[first], merged


def _members_key(members: Members) -> tuple[bool, list[str]]:
    return members.complement, sorted(members.values)
