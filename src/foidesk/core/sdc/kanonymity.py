"""Record-level release: k-anonymity over quasi-identifiers, by the least generalisation that reaches k.

A list of allegations (the reference case's "a list of allegations") can identify an officer or a
complainant through a combination of ordinary fields: rank, borough, the date (DOMAIN.md section C:
"rank + date + station + allegation can identify someone"; the ICO's "motivated intruder"). Every
record released must share its quasi-identifiers with at least ``k - 1`` others. Each
quasi-identifier has a generalisation hierarchy (date -> month -> year -> any; rank -> rank band ->
any; borough -> area -> any). Over the lattice of level choices the release takes the lowest total
generalisation at which the records still in classes smaller than ``k`` number at most
``max_suppression`` of the list; those records are withheld (suppressed) whole. Ties go to fewer
records withheld, then to smaller classes (the discernibility metric).

Direct identifiers and free text are not quasi-identifiers: the caller drops them (``drop_fields``)
as the dataset registry says; free text goes through redaction, not here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

ANY = "*"  # a quasi-identifier generalised away entirely
_KEY_LIMIT = 2**62
DEFAULT_MAX_SUPPRESSION = 0.05  # a setting: at most 5% of records withheld (common ARX-style default)


class AnonymisationError(ValueError):
    """The records cannot be made k-anonymous as asked (a value outside its hierarchy, too few records)."""


@dataclass(frozen=True, slots=True)
class Hierarchy:
    """How one quasi-identifier generalises: ``levels[i]`` maps a recorded value to level ``i + 1``.

    Level 0 is the value as recorded; ``level_names`` names every level, level 0 included.
    """

    field: str
    level_names: tuple[str, ...]
    levels: tuple[Callable[[str], str], ...]

    def __post_init__(self) -> None:
        if len(self.level_names) != len(self.levels) + 1:
            raise ValueError(f"hierarchy {self.field!r}: {len(self.levels) + 1} levels need as many names")


def date_hierarchy(field: str) -> Hierarchy:
    """ISO date -> month (``2021-03``) -> year (``2021``) -> any."""
    return Hierarchy(field, ("date", "month", "year", "any"), (_month, _year, _any))


def mapping_hierarchy(field: str, names: Sequence[str], *levels: Mapping[str, str]) -> Hierarchy:
    """Recorded value -> ``levels[0][value]`` -> ``levels[1][...]`` ... -> any.

    Each mapping is keyed by the *recorded* value (e.g. rank -> rank band; borough -> area).
    ``names`` names every level from the recorded one; "any" is added last.
    """
    functions = tuple(_lookup(field, mapping) for mapping in levels)
    return Hierarchy(field, (*names, "any"), (*functions, _any))


@dataclass(frozen=True, slots=True)
class KAnonymousRelease:
    """The records to release, generalised, and what it cost."""

    k: int
    levels: tuple[tuple[str, str], ...]  # (field, level name) chosen
    records: tuple[dict[str, str], ...]  # released records, generalised, identifiers dropped
    suppressed: int  # records withheld
    smallest_class: int

    def to_json(self) -> dict[str, object]:
        return {
            "k": self.k,
            "levels": dict(self.levels),
            "released": len(self.records),
            "suppressed": self.suppressed,
            "smallest_class": self.smallest_class,
        }


def anonymise(
    records: Sequence[Mapping[str, str]],
    hierarchies: Sequence[Hierarchy],
    k: int,
    *,
    max_suppression: float = DEFAULT_MAX_SUPPRESSION,
    drop_fields: Sequence[str] = (),
) -> KAnonymousRelease:
    """The least generalised k-anonymous version of ``records`` over the hierarchies' fields."""
    if k < 1:
        raise AnonymisationError(f"k must be at least 1, not {k}")
    if not 0 <= max_suppression < 1:
        raise AnonymisationError(f"max_suppression must be a fraction below 1, not {max_suppression}")
    if not hierarchies:
        raise AnonymisationError("no quasi-identifiers given")
    if len(records) < k:
        raise AnonymisationError(f"only {len(records)} records: fewer than k = {k}, so none can be released")
    codes = [_level_codes(records, h) for h in hierarchies]
    allowed = int(max_suppression * len(records))
    best = _search(codes, k, allowed)
    if best is None:
        raise AnonymisationError(f"no generalisation reaches k = {k} within the suppression limit")
    node, keep, sizes = best
    released = tuple(
        _generalise(record, hierarchies, node, drop_fields) for i, record in enumerate(records) if keep[i]
    )
    return KAnonymousRelease(
        k=k,
        levels=tuple((h.field, h.level_names[level]) for h, level in zip(hierarchies, node, strict=True)),
        records=released,
        suppressed=int((~keep).sum()),
        smallest_class=int(sizes[keep].min()) if keep.any() else 0,
    )


@dataclass(frozen=True, slots=True)
class _Codes:
    """One quasi-identifier: per level, an integer code per record and the number of distinct codes."""

    per_level: tuple[npt.NDArray[np.int64], ...]
    radix: tuple[int, ...]


def _level_codes(records: Sequence[Mapping[str, str]], hierarchy: Hierarchy) -> _Codes:
    try:
        raw = [str(record[hierarchy.field]) for record in records]
    except KeyError as error:
        raise AnonymisationError(f"a record has no {hierarchy.field!r}") from error
    distinct, inverse = np.unique(np.array(raw, dtype=object), return_inverse=True)
    per_level = [inverse.astype(np.int64)]
    radix = [len(distinct)]
    for level in hierarchy.levels:
        generalised = np.array([level(str(value)) for value in distinct], dtype=object)
        names, mapped = np.unique(generalised, return_inverse=True)
        per_level.append(mapped.astype(np.int64)[inverse])
        radix.append(len(names))
    return _Codes(tuple(per_level), tuple(radix))


def _search(
    codes: list[_Codes], k: int, allowed: int
) -> tuple[tuple[int, ...], npt.NDArray[np.bool_], npt.NDArray[np.int64]] | None:
    """Lowest lattice level first; the best node on the first level where any node qualifies."""
    heights = [len(c.per_level) - 1 for c in codes]
    nodes = sorted(itertools.product(*(range(h + 1) for h in heights)), key=sum)
    best: (
        tuple[tuple[int, int, int], tuple[int, ...], npt.NDArray[np.bool_], npt.NDArray[np.int64]] | None
    ) = None
    for node in nodes:
        if best is not None and sum(node) > best[0][0]:
            break
        sizes = _class_sizes(codes, node)
        keep = sizes >= k
        withheld = int((~keep).sum())
        if withheld > allowed:
            continue
        score = (sum(node), withheld, int((sizes[keep] ** 2).sum()))
        if best is None or score < best[0]:
            best = (score, node, keep, sizes)
    return None if best is None else (best[1], best[2], best[3])


def _class_sizes(codes: list[_Codes], node: tuple[int, ...]) -> npt.NDArray[np.int64]:
    """For every record, how many records share its generalised quasi-identifiers."""
    key = np.zeros(codes[0].per_level[0].size, dtype=np.int64)
    span = 1
    for c, level in zip(codes, node, strict=True):
        if span * c.radix[level] >= _KEY_LIMIT:  # renumber the classes so far before the key overflows
            _, key = np.unique(key, return_inverse=True)
            span = int(key.max()) + 1
        key = key * c.radix[level] + c.per_level[level]
        span *= c.radix[level]
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    return np.asarray(counts[inverse], dtype=np.int64)


def _generalise(
    record: Mapping[str, str], hierarchies: Sequence[Hierarchy], node: tuple[int, ...], drop: Sequence[str]
) -> dict[str, str]:
    out = {name: str(value) for name, value in record.items() if name not in drop}
    for hierarchy, level in zip(hierarchies, node, strict=True):
        if level:
            out[hierarchy.field] = hierarchy.levels[level - 1](str(record[hierarchy.field]))
    return out


def _month(value: str) -> str:
    return _date(value).strftime("%Y-%m")


def _year(value: str) -> str:
    return str(_date(value).year)


def _any(_: str) -> str:
    return ANY


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as error:
        raise AnonymisationError(f"not an ISO date: {value!r}") from error


def _lookup(field: str, mapping: Mapping[str, str]) -> Callable[[str], str]:
    def generalise(value: str) -> str:
        try:
            return mapping[value]
        except KeyError as error:
            raise AnonymisationError(f"{field} {value!r} is not in its generalisation hierarchy") from error

    return generalise
