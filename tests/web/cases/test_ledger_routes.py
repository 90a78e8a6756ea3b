"""Every route a table leaves by enters one ledger, and the tester's attacks on the demo register fail.

Each scenario releases tables the way the outside tester did (two periods sent to two requesters,
two answers of one response, borough then BCU, category x outcome then "outcome includes X"), then
an intruder written here, independently of core/sdc (SciPy ``linprog`` over record types built from
the registry's value domains, with the published values as equations), checks that no hidden small
count can be narrowed below the protection level and that the differences the tester used stay open.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import numpy as np
import pytest

from foidesk.core.periods import DateRange
from foidesk.core.workflow import Event
from foidesk.datasets.query import CountQuery, build_query, dimension_codes, matches
from foidesk.datasets.registry import BCU_LABELS, REGISTRY, dimension_label
from foidesk.web.accounts.roles import Role
from foidesk.web.cases.answers import answer_create, query_from_json
from foidesk.web.cases.models import Answer, LedgerEntry, Part, Request
from foidesk.web.cases.permissions import Refused
from foidesk.web.cases.workflow import case_transition
from foidesk.web.records.models import MisconductAllegation
from foidesk.web.records.selectors import count_table
from foidesk.web.records.services import register_generate
from tests.factories import decided_case, published_case, sent_case, staff

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

THRESHOLD = 5
LEVEL = 5
DEMO_SIZE, DEMO_SEED = 3000, 24648  # the demo's register (web/demo/loader.py)
START, END = dt.date(2020, 1, 1), dt.date(2021, 12, 31)
LETTER = "The figures are in the table attached."
SEXUAL = {"category": "sexual misconduct"}
Record = SimpleNamespace


@pytest.fixture
def people() -> dict[str, object]:
    register_generate(n=DEMO_SIZE, seed=DEMO_SEED)
    return {
        "officer": staff(Role.CASE_OFFICER),
        "decider": staff(Role.DECISION_MAKER),
        "publisher": staff(Role.PUBLISHER),
    }


def _case(people: dict[str, object], *questions: str, email: str = "a@example.org") -> Request:
    return decided_case(officer=people["officer"], texts=questions, answer=LETTER, requester_email=email)  # type: ignore[arg-type]


def _answer(case: Request, position: int, query: CountQuery, people: dict[str, object]) -> Answer:
    part = Part.objects.get(request=case, position=position)
    return answer_create(part=part, query=query, actor=people["officer"])  # type: ignore[arg-type]


def _send(case: Request, people: dict[str, object]) -> None:
    sent_case(case, officer=people["officer"], decider=people["decider"], on=dt.date(2024, 3, 1))  # type: ignore[arg-type]


def _sexual(rows: str, columns: str | None = None, *, end: dt.date = END, **where: str) -> CountQuery:
    return build_query(rows, columns, period=DateRange(START, end), where={**SEXUAL, **where})


def _cut_with_small_difference() -> dt.date:
    """The latest end before END whose table differs from END's by a small count in some category."""
    full = count_table(_sexual("category"))
    for days in range(1, 120):
        cut = END - dt.timedelta(days=days)
        part = count_table(_sexual("category", end=cut))
        before = dict(zip(part.row_labels, (r[0] for r in part.cells), strict=True))
        gaps = [row[0] - before.get(label, 0) for label, row in zip(full.row_labels, full.cells, strict=True)]
        if any(0 < g < THRESHOLD for g in gaps) and sum(gaps) >= THRESHOLD:
            return cut
    raise AssertionError("no cut-off leaves a small difference")


# --- the scenarios ---------------------------------------------------------------------------------


def test_two_periods_sent_by_letter_to_two_requesters(people: dict[str, object]) -> None:
    first = _case(people, "Sexual misconduct allegations by category, 2020 and 2021.")
    _answer(first, 1, _sexual("category"), people)
    _send(first, people)
    assert LedgerEntry.objects.count() == 1, "the table entered the ledger when the letter was sent"
    cut = _cut_with_small_difference()
    second = _case(people, "The same, to a date.", email="b@example.org")
    _answer(second, 1, _sexual("category", end=cut), people)
    _send(second, people)
    assert LedgerEntry.objects.count() == 2
    _intruder_pins_nothing(extra=_gap_by_category(cut))


def test_two_answers_of_one_response_are_audited_together(people: dict[str, object]) -> None:
    cut = _cut_with_small_difference()
    case = _case(people, "By category, 2020 and 2021.", "By category, to a date.")
    _answer(case, 1, _sexual("category"), people)
    _answer(case, 2, _sexual("category", end=cut), people)
    _send(case, people)
    assert LedgerEntry.objects.count() == 2
    _intruder_pins_nothing(extra=_gap_by_category(cut))


def test_borough_then_bcu(people: dict[str, object]) -> None:
    first = _case(people, "Sexual misconduct by borough.")
    _answer(first, 1, _sexual("borough"), people)
    _send(first, people)
    second = _case(people, "Sexual misconduct by BCU.", email="b@example.org")
    _answer(second, 1, _sexual("bcu"), people)
    _send(second, people)
    _intruder_pins_nothing()


def test_category_by_outcome_then_outcome_includes(people: dict[str, object]) -> None:
    first = _case(people, "Sexual misconduct by category and outcome.")
    # Outcomes down the side: the four sexual-misconduct categories fit across the letter's page.
    _answer(first, 1, _sexual("outcome", "category"), people)
    _send(first, people)
    second = _case(
        people, "Sexual misconduct where reflective practice was an outcome.", email="b@example.org"
    )
    _answer(second, 1, _sexual("category", outcome="reflective practice"), people)
    _send(second, people)
    _intruder_pins_nothing()


@pytest.mark.parametrize("words", ["There were 3 allegations of groping.", "Three officers were dismissed."])
def test_a_small_count_in_the_letter_stops_the_response(people: dict[str, object], words: str) -> None:
    case = decided_case(officer=people["officer"], answer=words)  # type: ignore[arg-type]
    with pytest.raises(Refused) as refused:
        case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=people["officer"])  # type: ignore[arg-type]
    assert "answer_text_discloses_no_small_count" in {r.guard for r in refused.value.verdict.refusals}


def test_a_count_a_small_amount_from_a_released_total_stops_the_response(people: dict[str, object]) -> None:
    first = _case(people, "Sexual misconduct by category.")
    answer = _answer(first, 1, _sexual("category"), people)
    total = int(answer.display_cells[-1][-1])
    case = decided_case(officer=people["officer"], answer=f"We hold {total + 2} allegations.")  # type: ignore[arg-type]
    _send(first, people)
    with pytest.raises(Refused):
        case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=people["officer"])  # type: ignore[arg-type]


def test_publishing_after_re_answering_works_and_records_once(people: dict[str, object]) -> None:
    cut = _cut_with_small_difference()
    case = _case(people, "By category, 2020 and 2021.", "By category, to a date.")
    _answer(case, 1, _sexual("category"), people)
    _answer(case, 2, _sexual("category", end=cut), people)
    _answer(case, 1, _sexual("category", end=END - dt.timedelta(days=200)), people)  # re-answered
    assert Answer.objects.filter(part__request=case).count() == 2, "the earlier answer of Q1 is replaced"
    _send(case, people)
    published_case(case, publisher=people["publisher"], on=dt.date(2024, 3, 4))  # type: ignore[arg-type]
    assert LedgerEntry.objects.count() == 2, "sent and published, each table is recorded once"
    _intruder_pins_nothing()


def test_an_answer_audited_before_a_linked_release_must_be_answered_again(people: dict[str, object]) -> None:
    cut = _cut_with_small_difference()
    waiting = _case(people, "By category, to a date.")
    _answer(waiting, 1, _sexual("category", end=cut), people)
    other = _case(people, "By category, 2020 and 2021.", email="b@example.org")
    _answer(other, 1, _sexual("category"), people)
    _send(other, people)
    from foidesk.web.cases.errors import CaseError

    with pytest.raises(CaseError, match="answer the part again"):
        _send(waiting, people)
    waiting.refresh_from_db()
    case_transition(request=waiting, event=Event.RETURN_FOR_CHANGES, actor=people["decider"])  # type: ignore[arg-type]
    _answer(waiting, 1, _sexual("category", end=cut), people)
    _send(waiting, people)
    _intruder_pins_nothing(extra=_gap_by_category(cut))


# --- the independent intruder ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    query: CountQuery
    rows: list[str]
    columns: list[str]
    cells: list[list[str]]


def _released() -> list[_Table]:
    tables = []
    for row in LedgerEntry.objects.select_related("answer").order_by("id"):
        answer = row.answer
        assert answer is not None
        tables.append(
            _Table(
                query_from_json(answer.query), answer.row_labels, answer.column_labels, answer.display_cells
            )
        )
    return tables


def _record_types(tables: list[_Table]) -> tuple[list[Record], Callable[[MisconductAllegation], int]]:
    """Every kind of record the intruder must allow: each used field's values (an outcome set of one or
    two outcomes), and the date cut at every period's ends."""
    data = REGISTRY.dataset("misconduct")
    used = {"category"}
    for t in tables:
        used |= {data.find_dimension(d).field for d in (t.query.rows, t.query.columns) if d is not None}
        used |= {c.field for c in t.query.conditions}
    used.discard("date_received")
    domains: dict[str, list[object]] = {name: list(data.field(name).codes) for name in used}
    if "outcomes" in used:
        outcomes = sorted(data.field("outcomes").codes)
        domains["outcomes"] = [tuple(c) for n in (1, 2) for c in itertools.combinations(outcomes, n)]
    cuts = sorted(
        {
            d
            for t in tables
            if t.query.period
            for d in (t.query.period.start, t.query.period.end + dt.timedelta(days=1))
        }
    )
    domains["date_received"] = [dt.date(1900, 1, 1), *cuts]
    names = sorted(domains)
    types = [
        Record(**dict(zip(names, values, strict=True)))
        for values in itertools.product(*(domains[n] for n in names))
    ]
    index = {tuple(getattr(t, n) for n in names): i for i, t in enumerate(types)}

    def type_of(row: MisconductAllegation) -> int:
        a = row.as_allegation()
        day = max(d for d in domains["date_received"] if d <= a.date_received)  # type: ignore[operator]
        values = {
            "category": a.category.value,
            "borough": a.borough.value,
            "rank": a.rank.value,
            "gender": a.gender.value,
            "outcomes": tuple(sorted(o.value for o in a.outcomes)),
            "date_received": day,
        }
        return index[tuple(values[n] for n in names)]

    return types, type_of


def _part(table: _Table, record: Record, dimension_name: str | None, label: str) -> int:
    """How many times ``record`` is counted under ``label`` of a dimension (a total counts every value)."""
    data = REGISTRY.dataset("misconduct")
    if dimension_name is None:
        return 1
    dimension = data.find_dimension(dimension_name)
    codes = dimension_codes(record, dimension, data, table.query)
    if label == "Total":
        return len(codes)
    labels = [dimension_label(data, dimension, c) for c in codes]
    if dimension.field == "borough" and dimension.level is None and label in BCU_LABELS.values():
        bcu = data.find_dimension("bcu")
        hierarchy = data.field("borough").hierarchy
        assert hierarchy is not None
        labels = [dimension_label(data, bcu, hierarchy.level("bcu").generalise(c)) for c in codes]
    return labels.count(label)


def _intruder_pins_nothing(extra: list[tuple[str, Callable[[Record], bool]]] = ()) -> None:  # type: ignore[assignment]
    from scipy.optimize import linprog

    tables = _released()
    assert tables
    types, type_of = _record_types(tables)
    truth = np.zeros(len(types))
    for row in MisconductAllegation.objects.all():
        truth[type_of(row)] += 1
    equations, values, zero = [], [], np.zeros(len(types), dtype=bool)
    targets: list[tuple[str, np.ndarray]] = []
    for t in tables:
        inside = np.array([matches(r, t.query, "date_received") for r in types])
        groups = BCU_LABELS.values() if t.query.rows == "borough" else ()
        interior_rows = [r for r in t.rows if r != "Total" and r not in groups]
        interior_columns = [c for c in t.columns if c != "Total"]
        listed_rows = np.array([sum(_part(t, r, t.query.rows, lab) for lab in interior_rows) for r in types])
        listed_columns = np.array(
            [sum(_part(t, r, t.query.columns, lab) for lab in interior_columns) for r in types]
        )
        zero |= inside & ((listed_rows == 0) | (listed_columns == 0))  # the table lists every value present
        for row_label, cells in zip(t.rows, t.cells, strict=True):
            row_part = np.array([_part(t, r, t.query.rows, row_label) for r in types])
            for column_label, shown in zip(t.columns, cells, strict=True):
                column_part = np.array([_part(t, r, t.query.columns, column_label) for r in types])
                vector = inside * row_part * column_part
                if shown == "[c]":
                    targets.append((f"{t.query.rows} {row_label} / {column_label}", vector))
                else:
                    equations.append(vector)
                    values.append(float(shown))
                    assert vector @ truth == float(shown), "the intruder's model agrees with the release"
    for name, predicate in extra:
        targets.append((name, np.array([float(predicate(r)) for r in types])))
    bounds = [(0, 0) if z else (0, None) for z in zero]
    a_eq = np.array(equations)
    problems = []
    for name, vector in targets:
        value = float(vector @ truth)
        if not 0 < value < THRESHOLD:
            continue
        low = linprog(vector, A_eq=a_eq, b_eq=values, bounds=bounds, method="highs")
        high = linprog(-vector, A_eq=a_eq, b_eq=values, bounds=bounds, method="highs")
        assert low.status == 0
        upper = np.inf if high.status == 3 else -high.fun
        if upper - low.fun < LEVEL - 1e-6:
            problems.append(f"{name}: true {value:g}, deducible [{low.fun:g}, {upper:g}]")
    assert not problems, problems


def _gap_by_category(cut: dt.date) -> list[tuple[str, Callable[[Record], bool]]]:
    """The tester's subtraction: each category's sexual-misconduct allegations after ``cut``."""
    data = REGISTRY.dataset("misconduct")
    members = set(data.field("category").resolve_values("sexual misconduct"))
    return [
        (f"{code} after {cut}", lambda r, c=code: r.category == c and cut < r.date_received <= END)
        for code in sorted(members)
    ]


def test_the_intruder_here_finds_what_the_old_ledger_let_through(people: dict[str, object]) -> None:
    """The check is not toothless: two tables released without a joint audit are caught by it."""
    cut = _cut_with_small_difference()
    for end in (END, cut):
        case = _case(people, "By category.")
        part = Part.objects.get(request=case, position=1)
        Answer.objects.filter(part=part).delete()
        table = count_table(_sexual("category", end=end))
        answer = Answer.objects.create(
            part=part,
            dataset="misconduct",
            query={**_query_json(_sexual("category", end=end))},
            description="",
            row_dimension="Allegation category",
            column_dimension="",
            row_labels=[*table.row_labels, "Total"],
            column_labels=[*table.column_labels, "Total"],
            display_cells=[[_shown(v) for v in (*row, sum(row))] for row in table.cells]
            + [[_shown(sum(r[0] for r in table.cells))] * 2],
            report={},
            audit_passed=True,
            threshold=THRESHOLD,
        )
        LedgerEntry.objects.create(
            dataset="misconduct", answer=answer, reference="X", released_on=end, entry={}
        )
    with pytest.raises(AssertionError):
        _intruder_pins_nothing(extra=_gap_by_category(cut))


def _shown(value: int) -> str:
    return "[c]" if 0 < value < THRESHOLD else str(value)


def _query_json(query: CountQuery) -> dict[str, object]:
    from foidesk.web.cases.answers import query_to_json

    return query_to_json(query)
