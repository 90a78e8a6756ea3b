"""Forms met in real requests (issue 16): notes that set a period once for every question, how-to-answer
remarks that are no parts, lists led by a period, sub-items written "2 a)", questions about what is so now."""

from __future__ import annotations

from datetime import date

from foidesk.core.parsing import parse_request

RECEIVED = date(2022, 7, 5)


def _parts(text: str, received: date = RECEIVED) -> list[tuple[str, list[tuple[str, str]]]]:
    parsed = parse_request(text, received)
    return [
        (part.label, [(period.start.isoformat(), period.end.isoformat()) for period in part.date_ranges])
        for part in parsed.parts
    ]


def test_a_note_after_the_list_sets_the_day_of_every_question_and_is_no_part() -> None:
    text = (
        "Under the FOI Act I would like to know for home care\n"
        "Q1. Number of providers that you contract with\n"
        "Q2. Number of live in packages commissioned\n"
        "Please answer as of 30th June 2022. If this information is not available for that date, "
        "you are welcome to use any other date but please specify the date used."
    )
    parsed = parse_request(text, RECEIVED)
    assert _parts(text) == [("Q1", [("2022-06-30", "2022-06-30")]), ("Q2", [("2022-06-30", "2022-06-30")])]
    assert any(remark.startswith("Please answer as of 30th June 2022") for remark in parsed.context)


def test_a_restriction_to_a_year_written_below_the_ask_is_its_period() -> None:
    text = (
        "Please provide all emails from and to the Chief Executive which contain the keyword 'campaign'.\n"
        "Please restrict the supply of this information to the year 2019 "
        "(01 January 2019 to 31 December 2019 inclusive)."
    )
    assert _parts(text) == [("Q1", [("2019-01-01", "2019-12-31")])]


def test_remarks_on_how_to_answer_are_no_parts() -> None:
    text = (
        "1. How many council tax accounts were in arrears in 2021/22?\n"
        "2. How many were passed to enforcement agents in 2021/22?\n"
        "If it is simpler, you may provide the totals for each financial year instead.\n"
        "Please provide all figures in any simple tabular format.\n"
        "For the avoidance of any doubt, by 'account' I mean a council tax account.\n"
        "Please use the reference MS1601L in the subject of your response."
    )
    assert [label for label, _ in _parts(text)] == ["Q1", "Q2"]


def test_a_list_led_by_each_of_the_financial_years_is_a_list_of_questions() -> None:
    text = (
        "For each of the financial years 2017/2018 and 2018/2019 can you please provide the following "
        "information:\n\n"
        "  1. The number of non-crime hate incidents recorded by the Force.\n\n"
        "  1. The category recorded for each incident eg racism.\n\n"
        "  1. For each incident, whether any police visits were made.\n"
    )
    assert _parts(text, date(2019, 5, 1)) == [
        ("Q1", [("2017-04-01", "2019-03-31")]),
        ("Q2", [("2017-04-01", "2019-03-31")]),
        ("Q3", [("2017-04-01", "2019-03-31")]),
    ]


def test_a_digit_space_letter_item_is_more_of_its_question() -> None:
    text = (
        "1. How many adverse events were recorded in 2016?\n"
        "1 a) Please provide as much information as you can on these events.\n"
        "2. How many serious incidents were there in 2016?\n"
        "2 a) Please provide as much information as you can on these events.\n"
        "2 b) How many involved an avoidable death?"
    )
    parsed = parse_request(text, RECEIVED)
    assert [part.label for part in parsed.parts] == ["Q1", "Q2"]
    assert "avoidable death" in parsed.parts[1].text


def test_questions_about_what_is_so_now_take_no_period_from_the_question_above() -> None:
    text = (
        "1. How many penalty notices did you issue in 2021/22?\n"
        "2. Which company issues them on your behalf?\n"
        "3. How many open cases do you have at the present time?\n"
        "4. The year that the council first used a contractor."
    )
    assert _parts(text) == [("Q1", [("2021-04-01", "2022-03-31")]), ("Q2", []), ("Q3", []), ("Q4", [])]


def test_a_plan_for_a_time_after_receipt_asks_no_period() -> None:
    text = (
        "1. Will all London buses go electric in year 2030, and which firms provide them?\n"
        "2. How many buses ran in 2021?"
    )
    assert _parts(text) == [("Q1", []), ("Q2", [("2021-01-01", "2021-12-31")])]


def test_the_options_of_a_question_are_not_questions_of_their_own() -> None:
    text = (
        "How does the local authority access ecological expertise? Is it through:\n"
        "1. in-house ecological staff within the local authority,\n"
        "2. a Service Level Agreement with another body e.g. Wildlife Trust,\n"
        "3. no access to ecological expertise?\n"
    )
    parsed = parse_request(text, RECEIVED)
    assert [part.label for part in parsed.parts] == ["Q1"]
    assert "Wildlife Trust" in parsed.parts[0].text


def test_years_in_an_example_are_not_asked() -> None:
    text = (
        "Please provide the number of maternity serious incidents for the last ten years or as many "
        "previous years as can be provided. For example, if you only have figures for 2019 and 2020, "
        "please send those."
    )
    assert _parts(text, date(2020, 6, 1)) == [("Q1", [("2010-01-01", "2019-12-31")])]
