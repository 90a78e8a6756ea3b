"""The line grammar: one typed line holding several items, Q headings, and sub-items."""

from __future__ import annotations

from foidesk.core.parsing.lines import WHY_INLINE_BULLET, WHY_Q_HEADING, LogicalLine, logical_lines


def _lines(text: str) -> list[LogicalLine]:
    return list(logical_lines(text))


def test_inline_bullets_become_one_line_each_after_the_lead() -> None:
    lines = _lines("For 2022 please give: * the number of arrests * the number of charges")
    assert [line.text for line in lines] == [
        "For 2022 please give:",
        "• the number of arrests",
        "• the number of charges",
    ]
    assert [line.why for line in lines] == ["", WHY_INLINE_BULLET, WHY_INLINE_BULLET]


def test_inline_numbers_split_but_one_figure_does_not() -> None:
    assert len(_lines("1) How many arrests? 2) How many charges?")) == 2
    assert [line.text for line in _lines("How many of the 3) cases were closed?")] == [
        "How many of the 3) cases were closed?"
    ]


def test_a_q_heading_alone_is_joined_to_the_question_below() -> None:
    lines = _lines("Question 3\nHow many tasers does the force hold?")
    assert [(line.text, line.why) for line in lines] == [
        ("Q3. How many tasers does the force hold?", WHY_Q_HEADING)
    ]


def test_digit_and_letter_items_are_sub_items_and_blank_lines_are_remembered() -> None:
    lines = _lines("1. How many complaints?\n\n1a. How many were upheld?")
    assert [line.sub_item for line in lines] == [False, True]
    assert [line.blank_before for line in lines] == [False, True]


def test_indentation_is_carried_and_a_run_in_number_is_separated() -> None:
    (line,) = _lines("    4.How many appeals?")
    assert line.indent == 4
    assert line.text.startswith("4. How many")


def test_numbers_glued_to_the_text_before_them_continue_a_run() -> None:
    lines = _lines("1. How many pupils?2. How many of them qualify?, and3. Of the total, how many?")
    assert [line.text[:2] for line in lines] == ["1.", "2.", "3."]
    assert (
        len(_lines("Please see section 2.The answer is below.")) == 1
    )  # no run: a glued number is no marker


def test_a_first_item_glued_to_its_lead_in_after_a_semicolon() -> None:
    lines = _lines("Please provide the below;1. How many trees were planted? 2. How many were felled?")
    assert [line.text for line in lines][1:] == [
        "1. How many trees were planted?",
        "2. How many were felled?",
    ]


def test_numbering_that_starts_before_the_bullets_holds_them() -> None:
    text = "Questions 1. How many clients? 2. At what fee for: * those over 65 * those under 65 3. What cost?"
    assert [line.text[:2] for line in _lines(text)][1:] == ["1.", "2.", "3."]


def test_spaced_dashes_are_bullets_only_after_a_colon() -> None:
    listed = _lines("Over the past 10 years: - The locations of trees - How many were removed - What it cost")
    assert len(listed) == 4
    assert len(_lines("The period 2019 - 2020 - As Agreed - Was short")) == 1


def test_a_number_run_into_the_text_with_a_bracket_is_a_marker_too() -> None:
    lines = _lines("1)Operating locality\n2)Waiting time on scene over 30 minutes")
    assert [line.text for line in lines] == [
        "1) Operating locality",
        "2) Waiting time on scene over 30 minutes",
    ]
    assert [line.text for line in _lines("2)3 cases")] == ["2)3 cases"]  # no capital follows: not split


def test_a_dash_after_a_year_is_a_range_not_a_bullet() -> None:
    text = "over the last three years (June 2021 -May 2022, June 2022 -May 2023), broken down by year."
    assert [line.text for line in _lines(text)] == [text]
    assert len(_lines("Please give the figures -Total spend -Spend per grade")) == 3  # after words: bullets
