"""The UK holiday calendar: bank holidays per jurisdiction, the vendored one-offs, the version."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json

import pytest

from foidesk.core.holiday_calendar import (
    BankHoliday,
    CalendarError,
    CalendarFile,
    DateOutsideCalendar,
    HolidayCalendar,
    Jurisdiction,
    WorkingDayRule,
    build_calendar,
    default_calendar,
    feed_discrepancies,
    good_friday,
    is_working_day_by_rule,
    parse_calendar_file,
)

D = dt.date


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, D(2000, 4, 21)),
        (2019, D(2019, 4, 19)),
        (2023, D(2023, 4, 7)),
        (2024, D(2024, 3, 29)),
        (2025, D(2025, 4, 18)),
        (2038, D(2038, 4, 23)),
    ],
)
def test_good_friday_known_dates(year: int, expected: dt.date) -> None:
    assert good_friday(year) == expected


def test_vendored_file_parses_and_names_its_version() -> None:
    text = importlib.resources.files("foidesk.core").joinpath("holiday_calendar.json").read_text()
    parsed = parse_calendar_file(text)
    assert parsed.version == json.loads(text)["version"]
    assert default_calendar().version.startswith(parsed.version + "+holidays-")


def test_default_calendar_is_built_once() -> None:
    assert default_calendar() is default_calendar()


@pytest.mark.parametrize(
    ("day", "jurisdiction"),
    [
        (D(2022, 9, 19), Jurisdiction.ENGLAND_AND_WALES),  # State Funeral of Queen Elizabeth II
        (D(2022, 9, 19), Jurisdiction.SCOTLAND),
        (D(2023, 5, 8), Jurisdiction.NORTHERN_IRELAND),  # Coronation of King Charles III
        (D(2022, 7, 12), Jurisdiction.NORTHERN_IRELAND),  # proclaimed in 2021
        (D(2022, 6, 3), Jurisdiction.ENGLAND_AND_WALES),  # Platinum Jubilee
        (D(2020, 5, 8), Jurisdiction.SCOTLAND),  # VE Day, moved from 4 May
        (D(2024, 1, 2), Jurisdiction.SCOTLAND),  # 2 January, Scotland only
        (D(2024, 3, 18), Jurisdiction.NORTHERN_IRELAND),  # St Patrick's Day (Sunday) substitute
        (D(2024, 12, 2), Jurisdiction.SCOTLAND),  # St Andrew's Day (Saturday) substitute
        (D(2023, 8, 7), Jurisdiction.SCOTLAND),  # first Monday in August
        (D(2023, 8, 28), Jurisdiction.ENGLAND_AND_WALES),  # last Monday in August
    ],
)
def test_bank_holidays_include_one_offs_and_substitutes(day: dt.date, jurisdiction: Jurisdiction) -> None:
    assert day in default_calendar().bank_holidays(jurisdiction)


@pytest.mark.parametrize(
    ("day", "jurisdiction"),
    [
        (D(2020, 5, 4), Jurisdiction.ENGLAND_AND_WALES),  # moved to 8 May by proclamation
        (D(2022, 5, 30), Jurisdiction.ENGLAND_AND_WALES),  # moved to 2 June by proclamation
        (D(2024, 4, 1), Jurisdiction.SCOTLAND),  # Easter Monday is not a Scottish bank holiday
        (D(2024, 1, 2), Jurisdiction.ENGLAND_AND_WALES),
        (D(2023, 8, 7), Jurisdiction.ENGLAND_AND_WALES),
    ],
)
def test_days_that_are_not_bank_holidays(day: dt.date, jurisdiction: Jurisdiction) -> None:
    assert day not in default_calendar().bank_holidays(jurisdiction)


def test_union_rule_counts_every_nation_and_scottish_rule_only_scotland() -> None:
    calendar = default_calendar()
    uk, scotland = WorkingDayRule.UNITED_KINGDOM, WorkingDayRule.SCOTLAND
    assert not is_working_day_by_rule(D(2023, 3, 17), uk, calendar)  # St Patrick's Day, Friday
    assert is_working_day_by_rule(D(2023, 3, 17), scotland, calendar)
    assert not is_working_day_by_rule(D(2023, 11, 30), uk, calendar)  # St Andrew's Day, Thursday
    assert not is_working_day_by_rule(D(2023, 11, 30), scotland, calendar)
    assert not is_working_day_by_rule(D(2023, 4, 10), uk, calendar)  # Easter Monday
    assert is_working_day_by_rule(D(2023, 4, 10), scotland, calendar)
    assert is_working_day_by_rule(D(2023, 3, 17), WorkingDayRule.ENGLAND_AND_WALES, calendar)
    assert not is_working_day_by_rule(D(2023, 3, 17), WorkingDayRule.NORTHERN_IRELAND, calendar)


def test_christmas_and_good_friday_are_named_even_without_listing() -> None:
    calendar = HolidayCalendar(version="empty", first=D(2024, 1, 1), last=D(2024, 12, 31), holidays=())
    assert not is_working_day_by_rule(D(2024, 12, 25), WorkingDayRule.UNITED_KINGDOM, calendar)
    assert not is_working_day_by_rule(D(2024, 3, 29), WorkingDayRule.UNITED_KINGDOM, calendar)
    assert not is_working_day_by_rule(D(2024, 12, 25), WorkingDayRule.SCOTLAND, calendar)
    # s.73 FOISA names only Christmas Day; Good Friday counts in Scotland as a bank holiday, if listed.
    assert is_working_day_by_rule(D(2024, 3, 29), WorkingDayRule.SCOTLAND, calendar)


def test_reason_not_working_names_the_holiday_and_where() -> None:
    calendar = default_calendar()
    reason = calendar.reason_not_working(D(2023, 7, 12), WorkingDayRule.UNITED_KINGDOM)
    assert reason is not None and "Northern Ireland" in reason
    assert calendar.reason_not_working(D(2023, 7, 12), WorkingDayRule.SCOTLAND) is None
    assert calendar.reason_not_working(D(2024, 3, 29), WorkingDayRule.UNITED_KINGDOM) == "Good Friday"
    assert calendar.reason_not_working(D(2024, 1, 6), WorkingDayRule.SCOTLAND) == "Saturday"


def test_corrections_add_and_remove_days() -> None:
    text = json.dumps(
        {
            "version": "test.1",
            "additions": [{"date": "2031-06-06", "name": "Proclaimed", "jurisdictions": ["scotland"]}],
            "removals": [{"date": "2031-08-04", "jurisdictions": ["scotland"], "reason": "moved"}],
        }
    )
    calendar = build_calendar(parse_calendar_file(text), first_year=2031, last_year=2031)
    scotland = calendar.bank_holidays(Jurisdiction.SCOTLAND)
    assert D(2031, 6, 6) in scotland
    assert D(2031, 8, 4) not in scotland  # first Monday in August 2031, removed
    assert D(2031, 6, 6) not in calendar.bank_holidays(Jurisdiction.ENGLAND_AND_WALES)
    assert calendar.version.startswith("test.1+holidays-")


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        json.dumps({"additions": []}),
        json.dumps({"version": "1", "additions": [{"date": "2023-02-30", "jurisdictions": ["scotland"]}]}),
        json.dumps({"version": "1", "additions": [{"date": "2023-02-03", "jurisdictions": ["wales"]}]}),
    ],
)
def test_malformed_calendar_file_is_refused(text: str) -> None:
    with pytest.raises(CalendarError):
        parse_calendar_file(text)


def test_dates_outside_the_calendar_are_refused() -> None:
    calendar = default_calendar()
    with pytest.raises(DateOutsideCalendar):
        calendar.index(D(1999, 12, 31))
    with pytest.raises(DateOutsideCalendar):
        is_working_day_by_rule(D(2061, 1, 3), WorkingDayRule.UNITED_KINGDOM, calendar)


def test_a_calendar_cannot_end_before_it_starts() -> None:
    with pytest.raises(CalendarError):
        HolidayCalendar(version="x", first=D(2024, 1, 2), last=D(2024, 1, 1), holidays=())


def test_calendars_with_the_same_days_are_equal_values() -> None:
    holiday = BankHoliday(D(2024, 1, 2), Jurisdiction.SCOTLAND, "New Year Holiday")
    one = HolidayCalendar(version="v", first=D(2024, 1, 1), last=D(2024, 2, 1), holidays=(holiday,))
    two = HolidayCalendar(version="v", first=D(2024, 1, 1), last=D(2024, 2, 1), holidays=(holiday,))
    assert one == two and hash(one) == hash(two)
    assert CalendarFile(version="v", corrections=()) == CalendarFile(version="v", corrections=())


def _days(year: int, *month_days: tuple[int, int]) -> set[dt.date]:
    return {D(year, month, day) for month, day in month_days}


# Typed from the gov.uk bank-holidays data (alphagov/frontend lib/data/bank-holidays.json), weekdays only;
# 8 May 2023 (the coronation) was proclaimed after that copy and is added from the proclamation.
GOV_UK_WEEKDAY_BANK_HOLIDAYS = {
    (2019, Jurisdiction.ENGLAND_AND_WALES): _days(
        2019, (1, 1), (4, 19), (4, 22), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)
    ),
    (2019, Jurisdiction.SCOTLAND): _days(
        2019, (1, 1), (1, 2), (4, 19), (5, 6), (5, 27), (8, 5), (12, 2), (12, 25), (12, 26)
    ),
    (2019, Jurisdiction.NORTHERN_IRELAND): _days(
        2019, (1, 1), (3, 18), (4, 19), (4, 22), (5, 6), (5, 27), (7, 12), (8, 26), (12, 25), (12, 26)
    ),
    (2021, Jurisdiction.ENGLAND_AND_WALES): _days(
        2021, (1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)
    ),
    (2021, Jurisdiction.SCOTLAND): _days(
        2021, (1, 1), (1, 4), (4, 2), (5, 3), (5, 31), (8, 2), (11, 30), (12, 27), (12, 28)
    ),
    (2021, Jurisdiction.NORTHERN_IRELAND): _days(
        2021, (1, 1), (3, 17), (4, 2), (4, 5), (5, 3), (5, 31), (7, 12), (8, 30), (12, 27), (12, 28)
    ),
    (2023, Jurisdiction.ENGLAND_AND_WALES): _days(
        2023, (1, 2), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)
    ),
    (2023, Jurisdiction.SCOTLAND): _days(
        2023, (1, 2), (1, 3), (4, 7), (5, 1), (5, 8), (5, 29), (8, 7), (11, 30), (12, 25), (12, 26)
    ),
    (2023, Jurisdiction.NORTHERN_IRELAND): _days(
        2023, (1, 2), (3, 17), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (7, 12), (8, 28), (12, 25), (12, 26)
    ),
}


@pytest.mark.parametrize(("year", "jurisdiction"), list(GOV_UK_WEEKDAY_BANK_HOLIDAYS))
def test_weekday_bank_holidays_match_gov_uk(year: int, jurisdiction: Jurisdiction) -> None:
    listed = {
        day
        for day in default_calendar().bank_holidays(jurisdiction)
        if day.year == year and day.weekday() < 5
    }
    assert listed == GOV_UK_WEEKDAY_BANK_HOLIDAYS[(year, jurisdiction)]


def _feed(**divisions: list[tuple[str, str]]) -> str:
    return json.dumps(
        {
            key.replace("_", "-"): {"division": key, "events": [{"title": t, "date": d} for d, t in events]}
            for key, events in divisions.items()
        }
    )


def test_feed_in_agreement_has_no_discrepancies() -> None:
    # The gov.uk feed's 2020 events for Scotland (VE Day on Friday 8 May; Boxing Day substitute 28 Dec).
    scotland_2020 = [
        ("2020-01-01", "New Year's Day"),
        ("2020-01-02", "2nd January"),
        ("2020-04-10", "Good Friday"),
        ("2020-05-08", "Early May bank holiday (VE day)"),
        ("2020-05-25", "Spring bank holiday"),
        ("2020-08-03", "Summer bank holiday"),
        ("2020-11-30", "St Andrew's Day"),
        ("2020-12-25", "Christmas Day"),
        ("2020-12-28", "Boxing Day"),
    ]
    assert feed_discrepancies(default_calendar(), _feed(scotland=scotland_2020)) == ()


def test_feed_discrepancies_name_what_to_add_and_remove() -> None:
    feed = _feed(
        england_and_wales=[
            ("2031-01-01", "New Year's Day"),
            ("2031-04-11", "Good Friday"),
            ("2031-04-14", "Easter Monday"),
            ("2031-05-05", "Early May bank holiday"),
            ("2031-05-26", "Spring bank holiday"),
            ("2031-06-13", "A proclaimed day"),  # new: not in the calendar
            ("2031-12-25", "Christmas Day"),
            ("2031-12-26", "Boxing Day"),
        ]
    )
    found = feed_discrepancies(default_calendar(), feed)
    england = [d for d in found if d.jurisdiction is Jurisdiction.ENGLAND_AND_WALES]
    assert [(d.on, d.in_feed) for d in england] == [(D(2031, 6, 13), True), (D(2031, 8, 25), False)]


def test_malformed_feed_is_refused() -> None:
    with pytest.raises(CalendarError):
        feed_discrepancies(default_calendar(), json.dumps({"wales": {"events": []}}))
