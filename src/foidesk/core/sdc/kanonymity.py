"""Record-level release: k-anonymity and l-diversity by the least generalisation of quasi-identifiers.

A list of allegations can identify an officer or a complainant through a combination of ordinary
fields: rank, station, the date, the kind of allegation (DOMAIN.md section C: "rank + date + station
+ allegation can identify someone"). The ICO Anonymisation code of practice (2012: the
"motivated intruder") asks whether someone with local knowledge could single a person out; record
level this is answered by k-anonymity (Sweeney, 2002; among the techniques the ICO code describes)
and l-diversity (Machanavajjhala et al., 2007):

- **k-anonymity**: every released record shares its quasi-identifiers with at least ``k - 1``
  others, so no combination of what an intruder might know points at fewer than ``k`` records;
- **distinct l-diversity**: within each such group every sensitive field (what happened to the
  officer) takes at least ``l`` values, so knowing someone is in the group does not tell the
  intruder the outcome (the homogeneity attack: a group of five, all "not investigated").

What the caller declares (``ReleaseSchema``), and what is done with it, fails closed:

- a quasi-identifier with a hierarchy is generalised through it (date -> month -> quarter -> year
  -> ``*``; rank -> rank band -> ``*``); one without a hierarchy is **withheld** (``*``), never
  released as recorded;
- a quasi-identifier that refines another (``QuasiIdentifierHierarchy.refines``: a station lies in a
  borough) is released below ``*`` only while the one it refines is released as recorded, so
  station -> borough -> BCU -> force is one chain;
- sensitive and plainly released fields go out as recorded; every other field of the records
  (direct identifiers, names, collar numbers, free text, anything the schema does not name) is
  dropped.

**Strategy** (a full-domain lattice search with record suppression, as ARX does): every choice of
one level per quasi-identifier is a node of the lattice. A node is acceptable when the records in
groups that are smaller than ``k`` or not ``l``-diverse number at most ``max_suppression`` of the
list; those records are withheld whole. The release is the acceptable node that loses least by
Sweeney's precision metric (each field's level divided by its hierarchy's height, summed: a date
taken to the year costs 3/4, a category taken to its group 1/2), so a deep hierarchy is not
punished for its depth; ties go to fewer records withheld, then to smaller groups (the
discernibility metric). Nodes are tried in order of loss, so the first acceptable one is the best.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import numpy.typing as npt

ANY = "*"  # a value generalised away entirely, or withheld
DEFAULT_K = 5  # FOIDESK_SDC_THRESHOLD's default: groups of 1..4 are too small (DOMAIN.md section C)
DEFAULT_L = 2  # distinct l-diversity: at least two outcomes in every group
DEFAULT_MAX_SUPPRESSION = 0.05  # a design choice: at most 5% of records withheld (ARX's common default)
TOO_SMALL = "group smaller than k"
NOT_DIVERSE = "group not l-diverse on {field}"
WITHHELD_NO_HIERARCHY = "quasi-identifier with no generalisation hierarchy"
_KEY_LIMIT = 2**62


class AnonymisationError(ValueError):
    """The records cannot be released as asked (a value outside its hierarchy, too few records)."""


@dataclass(frozen=True, slots=True)
class QuasiIdentifierHierarchy:
    """How one quasi-identifier generalises: ``levels[i]`` maps a recorded value to level ``i + 1``.

    Level 0 is the value as recorded; ``level_names`` names every level, level 0 included; the last
    level must map every value to ``*``. ``refines`` names a coarser quasi-identifier this one lies
    inside (a station in a borough): this one is released below ``*`` only while that one is
    released as recorded.
    """

    field: str
    level_names: tuple[str, ...]
    levels: tuple[Callable[[str], str], ...]
    refines: str | None = None

    def __post_init__(self) -> None:
        if len(self.level_names) != len(self.levels) + 1:
            raise ValueError(f"hierarchy {self.field!r}: {len(self.levels) + 1} levels need as many names")
        if not self.levels:
            raise ValueError(f"hierarchy {self.field!r} has no level above the recorded value")

    @property
    def top(self) -> int:
        return len(self.levels)


def date_hierarchy(field: str, refines: str | None = None) -> QuasiIdentifierHierarchy:
    """ISO date -> month (``2021-03``) -> quarter (``2021-Q1``) -> year (``2021``) -> ``*``."""
    return QuasiIdentifierHierarchy(
        field, ("date", "month", "quarter", "year", "any"), (_month, _quarter, _year, _any), refines
    )


def mapping_hierarchy(
    field: str, names: Sequence[str], *levels: Mapping[str, str], refines: str | None = None
) -> QuasiIdentifierHierarchy:
    """Recorded value -> ``levels[0][value]`` -> ``levels[1][...]`` ... -> ``*``.

    Each mapping is keyed by the *recorded* value (e.g. rank -> rank band; borough -> BCU); a value
    outside a mapping is an error, never released. ``names`` names every level from the recorded
    one; "any" is added last.
    """
    functions = tuple(_lookup(field, mapping) for mapping in levels)
    return QuasiIdentifierHierarchy(field, (*names, "any"), (*functions, _any), refines)


def functions_hierarchy(
    field: str, names: Sequence[str], *levels: Callable[[str], str], refines: str | None = None
) -> QuasiIdentifierHierarchy:
    """Recorded value -> ``levels[0](value)`` ... -> ``*`` (each function takes the recorded value)."""
    return QuasiIdentifierHierarchy(field, (*names, "any"), (*levels, _any), refines)


@dataclass(frozen=True, slots=True)
class ReleaseSchema:
    """What each field of the records is, for release; a field it does not name is dropped.

    ``hierarchies``: quasi-identifiers that can be generalised; ``withheld``: quasi-identifiers
    with no hierarchy (always ``*``); ``sensitive``: fields each group must be l-diverse on
    (released as recorded); ``released``: fields neither identifying nor quasi-identifying.
    """

    hierarchies: tuple[QuasiIdentifierHierarchy, ...]
    withheld: tuple[str, ...] = ()
    sensitive: tuple[str, ...] = ()
    released: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = [h.field for h in self.hierarchies] + [*self.withheld, *self.sensitive, *self.released]
        twice = sorted(name for name, count in Counter(names).items() if count > 1)
        if twice:
            raise AnonymisationError(f"a field has one role in a release, not several: {', '.join(twice)}")
        generalised = {h.field for h in self.hierarchies}
        for hierarchy in self.hierarchies:
            if hierarchy.refines is not None and hierarchy.refines not in generalised:
                raise AnonymisationError(
                    f"{hierarchy.field} refines {hierarchy.refines!r}, which has no hierarchy here"
                )

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(
            [h.field for h in self.hierarchies] + [*self.withheld, *self.sensitive, *self.released]
        )


@dataclass(frozen=True, slots=True)
class EquivalenceClass:
    """One group of released records: its generalised quasi-identifiers, size and diversity.

    ``distinct[i]`` is the number of values of the i-th sensitive field in the group (its l);
    ``entropy_l[i]`` is ``exp`` of their Shannon entropy (entropy l-diversity, reported only).
    """

    values: tuple[str, ...]
    size: int
    distinct: tuple[int, ...]
    entropy_l: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class RecordRelease:
    """The records to release, generalised, and the report of what it cost."""

    k: int
    l: int  # noqa: E741 - the letter of the measure (Machanavajjhala et al., "l-diversity")
    max_suppression: float
    fields: tuple[str, ...]  # the columns of every released record, in the records' order
    quasi_identifiers: tuple[str, ...]  # the columns that make a group, in the order of ``values``
    sensitive: tuple[str, ...]
    levels: tuple[tuple[str, str], ...]  # (quasi-identifier, level name) chosen; "withheld" if none
    records: tuple[dict[str, str], ...]
    classes: tuple[EquivalenceClass, ...]
    suppressed: tuple[tuple[str, int], ...]  # (reason, records withheld for it)
    dropped: tuple[str, ...]  # fields never released
    total: int  # records given

    @property
    def suppressed_count(self) -> int:
        return sum(count for _, count in self.suppressed)

    @property
    def smallest_class(self) -> int:
        return min((c.size for c in self.classes), default=0)

    def smallest_l(self, field: str) -> int:
        position = self.sensitive.index(field)
        return min((c.distinct[position] for c in self.classes), default=0)

    def smallest_entropy_l(self, field: str) -> float:
        position = self.sensitive.index(field)
        return min((c.entropy_l[position] for c in self.classes), default=0.0)

    def to_json(self) -> dict[str, object]:
        return {
            "k": self.k,
            "l": self.l,
            "max_suppression": self.max_suppression,
            "records": self.total,
            "released": len(self.records),
            "suppressed": self.suppressed_count,
            "suppressed_because": dict(self.suppressed),
            "levels": dict(self.levels),
            "dropped": list(self.dropped),
            "groups": len(self.classes),
            "smallest_group": self.smallest_class,
            "l_diversity": {
                field: {
                    "smallest_l": self.smallest_l(field),
                    "smallest_entropy_l": self.smallest_entropy_l(field),
                }
                for field in self.sensitive
            },
            "quasi_identifiers": list(self.quasi_identifiers),
            "group_list": [
                {
                    "values": dict(zip(self.quasi_identifiers, c.values, strict=True)),
                    "size": c.size,
                    "l": dict(zip(self.sensitive, c.distinct, strict=True)),
                    "entropy_l": {f: round(e, 3) for f, e in zip(self.sensitive, c.entropy_l, strict=True)},
                }
                for c in self.classes
            ],
        }


def anonymise(
    records: Sequence[Mapping[str, str]],
    schema: ReleaseSchema,
    *,
    k: int = DEFAULT_K,
    l: int = DEFAULT_L,  # noqa: E741 - the measure's own letter
    max_suppression: float = DEFAULT_MAX_SUPPRESSION,
) -> RecordRelease:
    """The least generalised k-anonymous, l-diverse version of ``records`` (module docstring)."""
    _check_parameters(records, schema, k, l, max_suppression)
    codes = [_level_codes(records, h) for h in schema.hierarchies]
    sensitive = [_value_codes(records, name) for name in schema.sensitive] if l > 1 else []
    allowed = int(max_suppression * len(records))
    best = _search(codes, sensitive, _lattice(schema.hierarchies), k, l, allowed)
    if best is None:
        raise AnonymisationError(
            f"no generalisation gives groups of at least {k} with {l} different values of "
            f"{', '.join(schema.sensitive) or 'the sensitive fields'} while withholding at most "
            f"{allowed} of {len(records)} records"
        )
    return _release(records, schema, best, k, l, max_suppression)


def _check_parameters(
    records: Sequence[Mapping[str, str]], schema: ReleaseSchema, k: int, l_min: int, max_suppression: float
) -> None:
    if k < 1:
        raise AnonymisationError(f"k must be at least 1, not {k}")
    if l_min < 1:
        raise AnonymisationError(f"l must be at least 1, not {l_min}")
    if l_min > 1 and not schema.sensitive:
        raise AnonymisationError(f"l = {l_min} needs a sensitive field to be diverse on")
    if not 0 <= max_suppression < 1:
        raise AnonymisationError(f"max_suppression must be a fraction below 1, not {max_suppression}")
    if not schema.hierarchies:
        raise AnonymisationError("no quasi-identifier can be generalised: nothing could be released safely")
    if len(records) < k:
        raise AnonymisationError(f"only {len(records)} records: fewer than k = {k}, so none can be released")
    needed = schema.fields - set(schema.withheld)
    for record in records:
        missing = needed - record.keys()
        if missing:
            raise AnonymisationError(f"a record has no {', '.join(sorted(missing))}")


def _lattice(hierarchies: Sequence[QuasiIdentifierHierarchy]) -> list[tuple[Fraction, tuple[int, ...]]]:
    """Every choice of levels and its loss, least first (refinements only over a recorded parent)."""
    position = {h.field: i for i, h in enumerate(hierarchies)}
    refinements = [(i, position[h.refines], h.top) for i, h in enumerate(hierarchies) if h.refines]
    nodes = [
        node
        for node in itertools.product(*(range(h.top + 1) for h in hierarchies))
        if all(node[child] == top or node[parent] == 0 for child, parent, top in refinements)
    ]
    tops = [h.top for h in hierarchies]
    return sorted(((_precision_loss(node, tops), node) for node in nodes), key=lambda pair: pair[0])


def _precision_loss(node: tuple[int, ...], tops: Sequence[int]) -> Fraction:
    """Sweeney's precision metric, unnormalised: each field's level over its hierarchy's height."""
    return sum((Fraction(level, top) for level, top in zip(node, tops, strict=True)), Fraction(0))


@dataclass(frozen=True, slots=True)
class _Codes:
    """One quasi-identifier: per level, an integer code per record and the number of distinct codes."""

    per_level: tuple[npt.NDArray[np.int64], ...]
    radix: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Node:
    """One evaluated choice of levels: which records it keeps and why it withholds the others."""

    levels: tuple[int, ...]
    keep: npt.NDArray[np.bool_]
    too_small: int
    not_diverse: tuple[int, ...]  # per sensitive field, records withheld (first failing field only)
    score: tuple[Fraction, int, int]  # loss, records withheld, discernibility


def _level_codes(records: Sequence[Mapping[str, str]], hierarchy: QuasiIdentifierHierarchy) -> _Codes:
    distinct, inverse = _distinct(records, hierarchy.field)
    per_level = [inverse]
    radix = [len(distinct)]
    for level in hierarchy.levels:
        generalised = np.array([level(str(value)) for value in distinct], dtype=object)
        names, mapped = np.unique(generalised, return_inverse=True)
        per_level.append(mapped.astype(np.int64)[inverse])
        radix.append(len(names))
    if radix[-1] != 1 or names[0] != ANY:
        raise AnonymisationError(f"the hierarchy of {hierarchy.field!r} does not end in {ANY!r}")
    return _Codes(tuple(per_level), tuple(radix))


def _value_codes(records: Sequence[Mapping[str, str]], field: str) -> npt.NDArray[np.int64]:
    return _distinct(records, field)[1]


def _distinct(
    records: Sequence[Mapping[str, str]], field: str
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.int64]]:
    try:
        raw = [str(record[field]) for record in records]
    except KeyError as error:
        raise AnonymisationError(f"a record has no {field!r}") from error
    distinct, inverse = np.unique(np.array(raw, dtype=object), return_inverse=True)
    return distinct, inverse.astype(np.int64).reshape(-1)


def _search(
    codes: list[_Codes],
    sensitive: list[npt.NDArray[np.int64]],
    lattice: list[tuple[Fraction, tuple[int, ...]]],
    k: int,
    l_min: int,
    allowed: int,
) -> _Node | None:
    """The acceptable node of least loss, then fewest withheld, then least discernibility."""
    best: _Node | None = None
    for loss, levels in lattice:
        if best is not None and loss > best.score[0]:
            break
        node = _evaluate(codes, sensitive, loss, levels, k, l_min)
        if node.score[1] <= allowed and (best is None or node.score < best.score):
            best = node
    return best


def _evaluate(
    codes: list[_Codes],
    sensitive: list[npt.NDArray[np.int64]],
    loss: Fraction,
    levels: tuple[int, ...],
    k: int,
    l_min: int,
) -> _Node:
    groups, sizes = _groups(codes, levels)
    keep = sizes[groups] >= k
    too_small = int((~keep).sum())
    not_diverse: list[int] = []
    for values in sensitive:
        diverse = _distinct_per_group(groups, values, len(sizes)) >= l_min
        failing = keep & ~diverse[groups]
        not_diverse.append(int(failing.sum()))
        keep &= ~failing
    kept_sizes = sizes[groups][keep]
    withheld = too_small + sum(not_diverse)
    return _Node(levels, keep, too_small, tuple(not_diverse), (loss, withheld, int(kept_sizes.sum())))


def _groups(
    codes: list[_Codes], levels: tuple[int, ...]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """For every record, the number of its group; and every group's size."""
    key = np.zeros(codes[0].per_level[0].size, dtype=np.int64)
    span = 1
    for c, level in zip(codes, levels, strict=True):
        if span * c.radix[level] >= _KEY_LIMIT:  # renumber the groups so far before the key overflows
            _, key = np.unique(key, return_inverse=True)
            key = key.astype(np.int64).reshape(-1)
            span = int(key.max()) + 1
        key = key * c.radix[level] + c.per_level[level]
        span *= c.radix[level]
    _, groups, sizes = np.unique(key, return_inverse=True, return_counts=True)
    return groups.astype(np.int64).reshape(-1), sizes.astype(np.int64)


def _distinct_per_group(
    groups: npt.NDArray[np.int64], values: npt.NDArray[np.int64], n_groups: int
) -> npt.NDArray[np.int64]:
    """How many different values each group holds (its distinct l)."""
    width = int(values.max()) + 1 if values.size else 1
    pairs = np.unique(groups * width + values)
    return np.bincount(pairs // width, minlength=n_groups).astype(np.int64)


def _release(
    records: Sequence[Mapping[str, str]],
    schema: ReleaseSchema,
    node: _Node,
    k: int,
    l_min: int,
    max_suppression: float,
) -> RecordRelease:
    present = tuple(name for name in records[0] if name in schema.fields)
    fields = present + tuple(name for name in schema.withheld if name not in present)
    quasi_names = {h.field for h in schema.hierarchies} | set(schema.withheld)
    quasi = tuple(name for name in fields if name in quasi_names)
    released = tuple(
        _generalise(record, schema, node.levels, fields) for i, record in enumerate(records) if node.keep[i]
    )
    reasons = [(TOO_SMALL, node.too_small)] + [
        (NOT_DIVERSE.format(field=name), count)
        for name, count in zip(schema.sensitive, node.not_diverse, strict=False)
    ]
    levels = {h.field: h.level_names[level] for h, level in zip(schema.hierarchies, node.levels, strict=True)}
    levels.update(dict.fromkeys(schema.withheld, "withheld"))
    dropped = sorted({name for record in records[:1] for name in record} - schema.fields)
    return RecordRelease(
        k=k,
        l=l_min,
        max_suppression=max_suppression,
        fields=fields,
        quasi_identifiers=quasi,
        sensitive=schema.sensitive,
        levels=tuple((name, levels[name]) for name in quasi),
        records=released,
        classes=_classes(released, quasi, schema.sensitive),
        suppressed=tuple((reason, count) for reason, count in reasons if count),
        dropped=tuple(dropped),
        total=len(records),
    )


def _generalise(
    record: Mapping[str, str], schema: ReleaseSchema, levels: tuple[int, ...], fields: tuple[str, ...]
) -> dict[str, str]:
    out = {name: ANY if name in schema.withheld else str(record[name]) for name in fields}
    for hierarchy, level in zip(schema.hierarchies, levels, strict=True):
        if level:
            out[hierarchy.field] = hierarchy.levels[level - 1](str(record[hierarchy.field]))
    return out


def _classes(
    released: Sequence[Mapping[str, str]], quasi: tuple[str, ...], sensitive: tuple[str, ...]
) -> tuple[EquivalenceClass, ...]:
    members: dict[tuple[str, ...], list[Mapping[str, str]]] = {}
    for record in released:
        members.setdefault(tuple(record[name] for name in quasi), []).append(record)
    classes = []
    for values, group in sorted(members.items()):
        counts = [Counter(record[name] for record in group) for name in sensitive]
        classes.append(
            EquivalenceClass(
                values=values,
                size=len(group),
                distinct=tuple(len(c) for c in counts),
                entropy_l=tuple(_entropy_l(c, len(group)) for c in counts),
            )
        )
    return tuple(classes)


def _entropy_l(counts: Counter[str], size: int) -> float:
    """``exp`` of the Shannon entropy of a group's sensitive values (entropy l-diversity)."""
    return math.exp(-sum(n / size * math.log(n / size) for n in counts.values()))


def _month(value: str) -> str:
    return _date(value).strftime("%Y-%m")


def _quarter(value: str) -> str:
    day = _date(value)
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


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
