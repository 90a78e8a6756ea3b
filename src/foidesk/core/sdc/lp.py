"""One linear programme over a fixed feasible set, re-solved for many objectives (HiGHS, warm started).

The disclosure audit asks for the minimum and the maximum of many linear functions over the same
set ``{z >= 0 : A z = b}``: the intruder's knowledge does not change between questions, only what is
asked. Building a fresh programme for every question (SciPy ``linprog``) repeats the set-up, the
presolve and the search for a first feasible basis each time. Here the model is passed to HiGHS once;
each question only changes the objective, and the simplex method starts from the optimal basis of the
previous question, which is still feasible (only the costs changed) and usually a few pivots from the
next optimum.
"""

from __future__ import annotations

import math
import os
import sys
import time
from enum import Enum
from typing import Any

import highspy
import numpy as np
import numpy.typing as npt

# SciPy is imported inside the functions that use it: importing it costs about half a second, which
# start-up and the collection of the tests need not pay.


FloatArray = npt.NDArray[np.float64]


def _make_the_banner_go_nowhere() -> None:
    """Create the process's first HiGHS model with standard output sent to /dev/null.

    HiGHS prints its banner on standard output (at the file-descriptor level, before any option can
    be set) when the first model of a process is made; ``foidesk protect --json`` writes JSON there.
    Done once, on import, before any other thread uses HiGHS.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            highspy.Highs()  # type: ignore[no-untyped-call]
    finally:
        os.dup2(saved, 1)
        os.close(saved)


_make_the_banner_go_nowhere()


class SolveStatus(Enum):
    """How one solve ended."""

    OPTIMAL = "optimal"
    UNBOUNDED = "unbounded"
    INFEASIBLE = "infeasible"
    OUT_OF_TIME = "out of time"


class WarmProgramme:
    """``minimise c @ z subject to A z = b, 0 <= z <= cap`` for a fixed ``A``, ``b`` and many ``c``.

    ``cap`` (``None``: no upper bound) may change between solves too; HiGHS keeps the basis across both
    kinds of change. Solves are single-threaded: the audit runs beside the web server on few cores.
    """

    def __init__(self, equalities: Any, rhs: FloatArray) -> None:  # equalities: scipy sparse (m x n)
        import scipy.sparse as sp

        matrix = sp.csc_matrix(equalities, dtype=np.float64)
        matrix.sum_duplicates()
        self.rows, self.columns = matrix.shape
        rhs = np.asarray(rhs, dtype=np.float64)
        self._highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self._highs.setOptionValue("output_flag", False)
        self._highs.setOptionValue("threads", 1)
        self._inf = self._highs.getInfinity()
        lp = highspy.HighsLp()
        lp.num_col_ = self.columns
        lp.num_row_ = self.rows
        lp.col_cost_ = np.zeros(self.columns)
        lp.col_lower_ = np.zeros(self.columns)
        lp.col_upper_ = np.full(self.columns, self._inf)
        lp.row_lower_ = rhs
        lp.row_upper_ = rhs
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
        lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
        lp.a_matrix_.value_ = matrix.data
        self._highs.passModel(lp)
        self._all = np.arange(self.columns, dtype=np.int32)
        self._cap: float | None = None
        self.solves = 0

    def minimise(
        self, cost: FloatArray, *, cap: float | None = None, deadline: float | None = None
    ) -> tuple[SolveStatus, FloatArray | None]:
        """Minimise ``cost @ z``; the optimal ``z`` (None unless OPTIMAL).

        ``deadline`` (a ``time.monotonic()`` instant) bounds this one solve: past it the result is
        OUT_OF_TIME and the caller must not trust anything it did not already have.
        """
        if self.columns == 0:
            return SolveStatus.OPTIMAL, np.zeros(0)
        if cap != self._cap:
            upper = np.full(self.columns, self._inf if cap is None else cap)
            self._highs.changeColsBounds(self.columns, self._all, np.zeros(self.columns), upper)
            self._cap = cap
        self._highs.changeColsCost(self.columns, self._all, np.asarray(cost, dtype=np.float64))
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return SolveStatus.OUT_OF_TIME, None
            # HiGHS measures its time limit on a clock that runs across every solve of this model.
            self._highs.setOptionValue("time_limit", self._highs.getRunTime() + max(remaining, 1e-3))
        else:
            self._highs.setOptionValue("time_limit", math.inf)
        self._highs.run()
        if self.solves == 0:
            # From the first optimal basis on only the costs change: the basis stays primal feasible,
            # and the primal simplex method needs far fewer pivots from it than the dual (about a
            # fifteenth on the joint audit's programmes).
            self._highs.setOptionValue("simplex_strategy", 4)
            self._highs.setOptionValue("presolve", "off")
        self.solves += 1
        status = self._highs.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            return SolveStatus.OPTIMAL, np.asarray(self._highs.getSolution().col_value, dtype=np.float64)
        if status == highspy.HighsModelStatus.kInfeasible:
            return SolveStatus.INFEASIBLE, None
        if status == highspy.HighsModelStatus.kUnbounded:
            return SolveStatus.UNBOUNDED, None
        if status == highspy.HighsModelStatus.kUnboundedOrInfeasible:
            return self._unbounded_or_infeasible()
        if status == highspy.HighsModelStatus.kTimeLimit:
            return SolveStatus.OUT_OF_TIME, None
        raise RuntimeError(
            f"HiGHS could not solve the audit programme: {self._highs.modelStatusToString(status)}"
        )

    def _unbounded_or_infeasible(self) -> tuple[SolveStatus, FloatArray | None]:
        """Tell the two apart (presolve may not): the set is empty exactly when a zero objective fails."""
        cost = np.asarray(self._highs.getLp().col_cost_, dtype=np.float64)
        self._highs.changeColsCost(self.columns, self._all, np.zeros(self.columns))
        self._highs.setOptionValue("presolve", "off")
        try:
            self._highs.run()
        finally:
            self._highs.setOptionValue("presolve", "choose")
            self._highs.changeColsCost(self.columns, self._all, cost)
        if self._highs.getModelStatus() == highspy.HighsModelStatus.kOptimal:
            return SolveStatus.UNBOUNDED, None
        return SolveStatus.INFEASIBLE, None
