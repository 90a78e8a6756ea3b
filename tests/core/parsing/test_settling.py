"""Step 3 of parsing: periods and topics, a part's own or those of the text that governs it."""

from __future__ import annotations

from datetime import date

from foidesk.core.parsing.model import PartFlag
from foidesk.core.parsing.settling import Settler
from foidesk.core.parsing.structure import Draft
from foidesk.core.topics import DEFAULT_VOCABULARY

RECEIVED = date(2023, 5, 10)


def _draft(text: str, question: int, context: list[str] | None = None) -> Draft:
    return Draft(
        request=None,
        block_word=None,
        question=question,
        subquestion=None,
        pieces=[text],
        context=context or [],
    )


def test_a_part_without_a_period_inherits_the_preamble_and_is_flagged() -> None:
    preamble = "For the calendar year 2021:"
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(
        [_draft("How many complaints were made?", 1, [preamble]), _draft("How many in 2019?", 2, [preamble])]
    )
    first, second = parts
    assert [(r.start, r.end) for r in first.date_ranges] == [(date(2021, 1, 1), date(2021, 12, 31))]
    assert PartFlag.PERIOD_INHERITED in first.flags
    assert [(r.start, r.end) for r in second.date_ranges] == [(date(2019, 1, 1), date(2019, 12, 31))]
    assert PartFlag.PERIOD_INHERITED not in second.flags


def test_what_is_so_now_takes_no_period() -> None:
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(
        [_draft("How many complaints in 2021?", 1), _draft("How many officers are currently suspended?", 2)]
    )
    assert parts[1].date_ranges == ()


def test_an_example_does_not_give_its_topic() -> None:
    (part,) = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(
        [_draft("How many searches were made (for example, stop and search)?", 1)]
    )
    (plain,) = Settler(RECEIVED, DEFAULT_VOCABULARY).settle([_draft("How many stop and search?", 1)])
    assert set(part.topics) < set(plain.topics) or not part.topics


def test_a_question_about_practice_does_not_take_the_period_of_the_count_before_it() -> None:
    settler = Settler(RECEIVED, DEFAULT_VOCABULARY)
    count = _draft("How many sanctions were applied in 2021?", 1)
    assert (
        settler.settle([count, _draft("What evidence do you have that sanctions work?", 2)])[1].date_ranges
        == ()
    )
    assert settler.settle([count, _draft("The number appealed.", 2)])[1].date_ranges != ()


def test_a_policy_asked_for_takes_no_period_but_this_period_refers_back() -> None:
    preamble = "Since 1st April 2014 until present date:"
    settler = Settler(RECEIVED, DEFAULT_VOCABULARY)
    policy = settler.settle([_draft("Please provide your full policy and procedure.", 1, [preamble])])
    assert policy[0].date_ranges == ()
    parts = settler.settle(
        [_draft("How many were sold in 2019?", 1), _draft("Please list them all in this period.", 2)]
    )
    assert parts[1].date_ranges == parts[0].date_ranges


def test_a_current_practice_question_takes_no_period_from_the_count_before_but_an_average_does() -> None:
    settler = Settler(RECEIVED, DEFAULT_VOCABULARY)
    count = _draft("How many drones were used in 2021?", 1)
    owned = settler.settle([count, _draft("How many drones does your police force own or operate?", 2)])
    assert owned[1].date_ranges == ()
    average = settler.settle([count, _draft("What is the average flight time?", 2)])
    assert average[1].date_ranges == average[0].date_ranges


def _periods(texts: list[str], notes: list[str] | None = None) -> list[list[tuple[str, str]]]:
    drafts = [_draft(text, number) for number, text in enumerate(texts, 1)]
    for draft in drafts:
        draft.notes.extend(notes or [])
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(drafts)
    return [[(p.start.isoformat(), p.end.isoformat()) for p in part.date_ranges] for part in parts]


def test_a_count_takes_the_period_of_the_last_count_past_a_question_about_practice() -> None:
    assert _periods(
        [
            "How many pupils were permanently excluded in 2021?",
            "Would an emergency review need to take place?",
            "How many pupils that were excluded had a social worker?",
        ]
    ) == [[("2021-01-01", "2021-12-31")], [], [("2021-01-01", "2021-12-31")]]


def test_a_plan_after_a_question_about_practice_takes_no_earlier_period() -> None:
    periods = _periods(
        [
            "How many charging points were installed in 2021?",
            "Do you have a plan for more charging points?",
            "If so, what percentage of the new points are planned to be rapid?",
        ]
    )
    assert periods[2] == []


def test_a_note_answering_as_of_a_day_sets_the_day_of_questions_about_what_is_so_now() -> None:
    questions = ["What are the current commissioning arrangements?", "Do you have a need for new providers?"]
    day = [("2022-06-30", "2022-06-30")]
    assert _periods(questions, ["Please answer as of 30th June 2022."]) == [day, day]
    assert _periods(questions, ["Please restrict this to the year 2021."]) == [[], []]  # no "as of": none


def test_a_sentence_telling_what_happened_above_the_questions_sets_no_period() -> None:
    story = (
        "In November 2021 the deputy leader told councillors that £6.2 million was unspent. "
        "Please answer for the year 2022:"
    )
    drafts = [
        _draft("Who does the council bank with?", 1, [story]),
        _draft("How much is unspent?", 2, [story]),
    ]
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(drafts)
    assert [[(p.start.isoformat(), p.end.isoformat()) for p in part.date_ranges] for part in parts] == [
        [("2022-01-01", "2022-12-31")]
    ] * 2
    told_and_asked = "Please say why the deputy leader told councillors in November 2021 that it was unspent?"
    asked = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(
        [_draft("How much was unspent?", 1, [told_and_asked])]
    )
    assert asked[0].date_ranges  # near miss: a sentence that asks keeps its dates


def test_a_question_whether_something_is_so_takes_no_period_from_the_count_before() -> None:
    assert _periods(
        [
            "State year on year from 2014 to 2024 the value of unspent contributions.",
            "Can the council state if the amounts are kept in separate accounts?",
        ]
    ) == [[("2014-01-01", "2024-12-31")], []]


def test_a_fallback_above_the_questions_sets_no_period_but_a_note_of_the_period_does() -> None:
    above = (
        "Please provide information from 2025 to-date (up until 31/09/2025). If data is not available up "
        "until then, please specify when the 2025 data runs until."
    )
    parts = Settler(date(2025, 10, 16), DEFAULT_VOCABULARY).settle([_draft("How many potholes?", 1, [above])])
    assert [(p.start.isoformat(), p.end.isoformat()) for p in parts[0].date_ranges] == [
        ("2025-01-01", "2025-09-30")
    ]
    kept = "If you hold figures for 2024, please give them for each month."  # a condition that is no fallback
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle([_draft("How many potholes?", 1, [kept])])
    assert parts[0].date_ranges


def test_questions_about_a_running_total_a_date_a_plan_or_documentation_inherit_no_period() -> None:
    periods = _periods(
        [
            "The number of charging points installed in each of 2019 and 2020.",
            "The total number of charging points across the local authority to date.",
            "A copy of a formal plan to increase the number of charging points.",
            "Any associated documentation outlining the criteria used.",
            "Approximately how many licences are in circulation?",
            "The most important point is when was the order brought into effect.",
            "How many charging points were installed from 2021 to date?",
        ]
    )
    assert periods[1:6] == [[], [], [], [], []]
    assert periods[6] == [("2021-01-01", "2023-05-10")]  # near miss: its own period, to the day of receipt


def test_an_inherited_start_runs_to_receipt_where_the_part_says_to_date() -> None:
    preamble = "Following the introduction of stalking legislation in April 2022 please can you confirm"
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(
        [
            _draft("Arrests since the legislation was introduced to date, split per year.", 1, [preamble]),
            _draft("The number of arrests in that month.", 2, [preamble]),  # near miss: no "to date"
            _draft("An up to date list of the arrests.", 3, [preamble]),  # near miss: no period
        ]
    )
    spans = [[(p.start.isoformat(), p.end.isoformat()) for p in part.date_ranges] for part in parts]
    april = [("2022-04-01", "2022-04-30")]
    assert spans == [[("2022-04-01", "2023-05-10")], april, april]


def test_a_fallback_in_brackets_does_not_set_the_period_but_a_preference_does() -> None:
    settler = Settler(date(2023, 6, 1), DEFAULT_VOCABULARY)
    parts = settler.settle(
        [
            _draft(
                "How much was paid in the last four full financial years. (Note: if you are unable to "
                "provide data for 2022/23, please take the four years 2018/19 to 2021/22)",
                1,
            ),
            _draft("How much was paid (if possible, for 2018/19 and 2019/20)?", 2),  # near miss: no fallback
        ]
    )
    spans = [[(p.start.isoformat(), p.end.isoformat()) for p in part.date_ranges] for part in parts]
    assert spans == [[("2019-04-01", "2023-03-31")], [("2018-04-01", "2020-03-31")]]


def test_who_to_write_to_and_a_standard_practice_take_no_period_but_a_count_by_a_named_person_does() -> None:
    preamble = "For the financial years 2020/21 to 2022/23:"
    drafts = [
        _draft("How many children were placed out of county?", 1, [preamble]),
        _draft("The name, job title, email address and telephone number of the commissioner.", 2, [preamble]),
        _draft("What is the name of the person within the Trust who is responsible for BSL services?", 3),
        _draft("Could you confirm which department is responsible for enforcing against dog fouling?", 4),
        _draft("What is the standard discharge cycle?", 5),
        _draft("How many placements were made by the commissioner named above?", 6, [preamble]),
    ]
    parts = Settler(RECEIVED, DEFAULT_VOCABULARY).settle(drafts)
    spans = [[(p.start.isoformat(), p.end.isoformat()) for p in part.date_ranges] for part in parts]
    years = [("2020-04-01", "2023-03-31")]
    assert spans == [years, [], [], [], [], years]  # near miss: a count still takes the preamble's years
