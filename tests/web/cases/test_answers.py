"""Answers from the register: protected, audited, and audited again with what was released before."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from django.test import override_settings

from foidesk.core.periods import DateRange
from foidesk.core.sdc.ledger import audit_against
from foidesk.core.sdc.suppression import protect
from foidesk.datasets.query import build_query
from foidesk.datasets.registry import REGISTRY
from foidesk.web.cases import services
from foidesk.web.cases.answers import answer_create, answers_release, answers_workbook
from foidesk.web.cases.ledger import dimension_name, ledger_scope, released_entries
from foidesk.web.cases.models import LedgerEntry, Part
from foidesk.web.records.selectors import count_table
from foidesk.web.records.services import register_generate
from tests.factories import a_decider

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

START = dt.date(2020, 1, 1)
END = dt.date(2021, 12, 31)


def _query(end: dt.date):  # type: ignore[no-untyped-def]
    return build_query(
        "allegation category",
        "other outcome",
        period=DateRange(START, end),
        where={"outcome": "reflective practice"},
    )


@pytest.fixture
def part() -> Part:
    register_generate(n=2000, seed=7)
    case = services.request_open(
        text="1. Allegations where reflective practice was an outcome in 2020 and 2021.",
        requester_name="J",
        received_on=dt.date(2022, 5, 16),
        actor=None,
        parse=False,
    )
    return services.request_parts_set(
        request=case, actor=a_decider(), parts=[services.PartSpec(label="Q1", text="RP allegations")]
    )[0]


def test_answer_keeps_only_protected_values_and_passes_the_audit(part: Part) -> None:
    answer = answer_create(part=part, query=_query(END), actor=a_decider())
    assert answer.audit_passed
    cells = [c for row in answer.display_cells for c in row]
    true_table = count_table(_query(END))
    small = [v for row in true_table.cells for v in row if 0 < v < 5]
    assert small, "the synthetic register should have small counts in this breakdown"
    assert cells.count("[c]") >= len(small)
    for value in cells:
        assert value == "[c]" or not 0 < int(value) < 5
    workbook = openpyxl.load_workbook(
        io.BytesIO(answers_workbook(title="T", reference="R", answers=[answer], synthetic=True))
    )
    assert "[c]" in [c for row in workbook["Table 1"].iter_rows(values_only=True) for c in row]


def test_an_overlapping_second_table_is_caught_by_the_ledger_and_protected_more(part: Part) -> None:
    first = answer_create(part=part, query=_query(END), actor=a_decider())
    answers_release(answers=[first], reference="01.FOI.22.000001", released_on=dt.date(2022, 6, 1))
    assert LedgerEntry.objects.count() == 1
    # A second request for nearly the same period: its table differs from the first only by the
    # allegations of the last few days, a small count an intruder could get by subtraction.
    cut = _cut_leaving_a_small_difference()
    later = _query(cut)
    data = REGISTRY.dataset("misconduct")
    table = count_table(later)
    canonical = replace(
        table,
        row_dimension=dimension_name(data, data.find_dimension(later.rows)),
        column_dimension=dimension_name(data, data.find_dimension(later.columns or "")),
    )
    alone = protect(canonical)
    assert alone.release_allowed  # safe on its own ...
    joint = audit_against(released_entries("misconduct"), alone, scope=ledger_scope(later, table))
    assert not joint.passed  # ... but not beside the first release
    second = answer_create(part=part, query=later, actor=a_decider())
    assert second.audit_passed
    assert second.report["suppressed_for_differencing"] > 0
    assert second.report["joint_audit"]["passed"] is True


def _cut_leaving_a_small_difference() -> dt.date:
    full = _total(END)
    for days in range(1, 60):
        cut = END - dt.timedelta(days=days)
        if 1 <= full - _total(cut) <= 3:
            return cut
    raise AssertionError("no cut-off leaves a small difference")


def _total(end: dt.date) -> int:
    return sum(sum(row) for row in count_table(_query(end)).cells)


@override_settings(FOIDESK_RUN_TASKS_INLINE=True)  # the embedded mode; test_answer_tasks.py: the worker
def test_officer_answers_a_part_from_the_register_and_sees_the_suppression_report(part: Part, client) -> None:  # type: ignore[no-untyped-def]
    from foidesk.web.accounts.roles import Role
    from tests.factories import UserFactory

    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    url = f"/staff/cases/{part.request.reference}/parts/{part.position}/answers/new/"
    response = client.post(
        url,
        {
            "register": "misconduct",
            "rows": "category",
            "columns": "other_outcome",
            "start": "2020-01-01",
            "end": "2021-12-31",
            "where": "outcome: reflective practice",
        },
    )
    assert response.status_code == 302
    page = client.get(f"/staff/cases/{part.request.reference}/").content.decode()
    assert "Suppression report" in page and "audit passed" in page and "[c]" in page


def test_an_unknown_word_in_the_question_gets_a_clear_error(part: Part, client) -> None:  # type: ignore[no-untyped-def]
    from foidesk.web.accounts.roles import Role
    from tests.factories import UserFactory

    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    url = f"/staff/cases/{part.request.reference}/parts/{part.position}/answers/new/"
    response = client.post(
        url,
        {
            "register": "misconduct",
            "rows": "category",
            "start": "2020-01-01",
            "end": "2021-12-31",
            "where": "outcome: banished to the moon",
        },
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not part.answers.exists()


def test_summaries_of_sexual_misconduct_are_recommended_withheld(part: Part, client) -> None:  # type: ignore[no-untyped-def]
    from foidesk.web.accounts.roles import Role
    from tests.factories import UserFactory

    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    url = f"/staff/cases/{part.request.reference}/parts/{part.position}/summaries/"
    response = client.post(
        url,
        {
            "register": "misconduct",
            "start": "2021-01-01",
            "end": "2021-12-31",
            "where": "category: sexual misconduct",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "summaries checked" in body
    assert "Withhold under s.40(2)" in body


def test_the_answer_as_xlsx_ods_and_csv_follows_the_analysis_function_and_passes_the_gate(
    part: Part, tmp_path: Path
) -> None:
    from odf.opendocument import load as load_ods
    from odf.table import Table as OdsTable

    from foidesk.core.release_check import check_file
    from foidesk.web.cases.answers import AttachmentFormat, answers_attachments

    answer = answer_create(part=part, query=_query(END), actor=a_decider())
    made: dict[str, bytes] = {}
    for fmt in AttachmentFormat:
        made.update(
            answers_attachments(title="Response", reference="R", answers=[answer], synthetic=True, fmt=fmt)
        )
    assert sorted(made) == [
        "Response - Notes.csv",
        "Response - Table 1.csv",
        "Response.ods",
        "Response.xlsx",
    ]
    for name, content in made.items():
        path = tmp_path / name
        path.write_bytes(content)
        blocked = [f.code for f in check_file(str(path)).findings if f.severity == "block"]
        assert blocked == [], name
    workbook = openpyxl.load_workbook(io.BytesIO(made["Response.xlsx"]))
    assert workbook.sheetnames == ["Cover", "Notes", "Table 1"]  # cover, notes, one table per sheet
    ods = load_ods(str(tmp_path / "Response.ods"))
    assert [t.getAttribute("name") for t in ods.spreadsheet.getElementsByType(OdsTable)] == [
        "Cover",
        "Notes",
        "Table 1",
    ]
    rows = list(csv.reader(io.StringIO(made["Response - Table 1.csv"].decode("utf-8-sig"))))
    assert rows[0][0] == answer.row_dimension and any("[c]" in row for row in rows[1:])
    assert all(len(row) == len(rows[0]) for row in rows)  # no blank or ragged rows inside the table
    assert "[c] = confidential" in made["Response - Notes.csv"].decode("utf-8-sig")


@override_settings(FOIDESK_RUN_TASKS_INLINE=True)
@pytest.mark.parametrize(
    ("fmt", "names"),
    [
        ("xlsx", ["figures.xlsx"]),
        ("ods", ["figures.ods"]),
        ("csv", ["figures - Notes.csv", "figures - Table 1.csv"]),
    ],
)
def test_an_officer_attaches_the_figures_and_each_file_passes_the_release_gate(
    part: Part,
    client,  # type: ignore[no-untyped-def]
    fmt: str,
    names: list[str],
) -> None:
    from foidesk.web.accounts.roles import Role
    from tests.factories import UserFactory

    officer = UserFactory(role=Role.CASE_OFFICER)
    answer = answer_create(part=part, query=_query(END), actor=officer)
    assert answer.releasable
    client.force_login(officer)
    case_url = f"/staff/cases/{part.request.reference}/"
    assert "Attach the figures" in client.get(case_url).content.decode()
    response = client.post(f"{case_url}answers/attach/", {"format": fmt}, follow=True)
    assert response.status_code == 200
    documents = list(part.request.documents.order_by("filename"))
    assert [d.filename for d in documents] == [f"{part.request.reference} {n}" for n in names]
    assert {d.check_status for d in documents} == {"clean"}  # no finding at all, not even a warning
    assert "Attached" in response.content.decode()
    if fmt == "xlsx":
        book = openpyxl.load_workbook(documents[0].file.path)
        assert book.sheetnames == ["Cover", "Notes", "Table 1"]
        cells = {str(c.value) for row in book["Table 1"].iter_rows() for c in row}
        assert set(answer.display_cells[0]) <= cells  # the released values, as released


@override_settings(FOIDESK_RUN_TASKS_INLINE=True)
def test_attaching_figures_needs_an_answer_and_a_known_format(part: Part, client) -> None:  # type: ignore[no-untyped-def]
    from foidesk.web.accounts.roles import Role
    from tests.factories import UserFactory

    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    url = f"/staff/cases/{part.request.reference}/answers/attach/"
    page = client.post(url, {"format": "xlsx"}, follow=True).content.decode()
    assert "No part has been answered from the records yet." in page
    page = client.post(url, {"format": "docm"}, follow=True).content.decode()
    assert "Choose XLSX, ODS or CSV." in page
    assert part.request.documents.count() == 0
