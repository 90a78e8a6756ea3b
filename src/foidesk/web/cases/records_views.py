"""A part answered with a record list: k-anonymous and l-diverse, checked by the release gate.

The case worker chooses the period, the conditions, k and l; the page shows the report of
core/sdc/kanonymity.py (levels chosen, groups, records withheld and why, l per group) and offers
the released records as CSV or XLSX. A file is offered only when the release gate
(``core.release_check.check_file``) finds nothing in it (ICO, "How to disclose information safely").
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from foidesk.core.periods import DateRange
from foidesk.core.release_check import FileReport, check_file
from foidesk.core.sdc.kanonymity import DEFAULT_L, AnonymisationError, RecordRelease
from foidesk.core.workflow import Action
from foidesk.datasets.query import QueryError, build_query
from foidesk.datasets.record_release import anonymise_dataset, release_table
from foidesk.datasets.registry import Dataset
from foidesk.render.spreadsheets import ReleasedWorkbook, TableSheet, table_csv, workbook_xlsx
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.services import audit_record
from foidesk.web.cases import selectors
from foidesk.web.cases.documents import release_limits
from foidesk.web.cases.event_views import refusal_page
from foidesk.web.cases.forms import RecordsFilterForm, chosen_register, register_chooser
from foidesk.web.cases.models import Part
from foidesk.web.cases.permissions import NotPermitted, WrongState, action_check
from foidesk.web.records.selectors import iter_records

MAX_K = 100
MAX_L = 10
GROUPS_SHOWN = 50
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class RecordListForm(RecordsFilterForm):
    """Which records, and how safe the list must be: k (smallest group) and l (outcomes per group)."""

    k = forms.IntegerField(
        label="Smallest group (k)",
        min_value=2,
        max_value=MAX_K,
    )
    l = forms.IntegerField(  # noqa: E741 - the measure's own letter
        label="Different outcomes in every group (l)",
        min_value=1,
        max_value=MAX_L,
        help_text="So that being in a group does not tell what happened to the officer.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        quasi = ", ".join(f.label.lower() for f in self.dataset.quasi_identifiers)
        sensitive = ", ".join(f.label.lower() for f in self.dataset.sensitive_fields)
        self.fields["k"].help_text = f"Every record shares its {quasi} with k - 1 others."
        self.fields["l"].help_text = f"So that being in a group does not tell the {sensitive}."


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.view_part", raise_exception=True)
def records_list(request: HttpRequest, reference: str, position: int) -> HttpResponse:
    """Produce a record list for a part: the report, and the list as CSV or XLSX once the gate passes."""
    case = selectors.case_or_404(request.user, reference)
    part = selectors.part_or_404(case, position)
    try:
        action_check(request=case, action=Action.ANSWER_FROM_RECORDS, actor=request.user)
    except (NotPermitted, WrongState) as refused:
        return refusal_page(request, case, refused)
    form = RecordListForm(
        request.POST or None, register=chosen_register(request, part), initial=_initial(part)
    )
    release = None
    gate: FileReport | None = None
    if request.method == "POST" and form.is_valid():
        try:
            release = _release(form.cleaned_data, form.dataset)
        except (QueryError, AnonymisationError) as error:
            form.add_error(None, str(error))
        else:
            download = request.POST.get("download")
            if download in CONTENT_TYPES:
                data = _file(form.dataset, release, download, case.reference)
                gate = _gate(data, download)
                if gate.clean:
                    audit_record(
                        actor=request.user,
                        action=AuditAction.RECORD_LIST_PRODUCED,
                        obj=part,
                        details={
                            "request": case.reference,
                            "format": download,
                            "sha256": hashlib.sha256(data).hexdigest(),
                            "report": release.to_json(),
                        },
                    )
                    return _attachment(data, download, f"{case.reference}-part-{part.position}-records")
                form.add_error(None, "The release gate found something in the file, so it is not offered.")
    return render(
        request,
        "staff/records_list.html",
        {
            "case": case,
            "part": part,
            "form": form,
            "release": release,
            "report": release.to_json() if release else None,
            "groups_shown": GROUPS_SHOWN,
            "gate": gate,
            "chooser": register_chooser(request, form.dataset),
        },
    )


def _initial(part: Part) -> dict[str, object]:
    period = part.date_ranges[0] if part.date_ranges else {}
    return {
        "start": period.get("start"),
        "end": period.get("end"),
        "k": settings.FOIDESK_SDC_THRESHOLD,
        "l": DEFAULT_L,
    }


def _release(data: dict[str, object], dataset: Dataset) -> RecordRelease:
    """The records of ``dataset`` the form selects, made k-anonymous and l-diverse by its definition."""
    period = DateRange(data["start"], data["end"])  # type: ignore[arg-type]  # cleaned DateFields
    query = build_query(
        dataset.dimensions[0].name,
        period=period,
        where=data["where"],  # type: ignore[arg-type]  # cleaned by the form
        dataset=dataset.name,
    )
    records = list(iter_records(query))
    return anonymise_dataset(dataset, records, k=int(str(data["k"])), l=int(str(data["l"])))


def _file(dataset: Dataset, release: RecordRelease, fmt: str, reference: str) -> bytes:
    header, rows = release_table(dataset, release)
    title = f"{dataset.label}: records released for {reference}"
    table = TableSheet(name="Records", title=title, header=header, rows=rows)
    if fmt == "csv":
        return table_csv(table)
    quasi, sensitive = ", ".join(release.quasi_identifiers), ", ".join(release.sensitive)
    cover = [
        f"Each record shares its {quasi} with at least {release.k - 1} others, "
        f"and every such group holds at least {release.l} different values of {sensitive}.",
        "* means a value withheld or generalised away; records that could not be made safe are left out.",
    ]
    return workbook_xlsx(ReleasedWorkbook(title=title, cover=cover, tables=[table]))


def _gate(data: bytes, fmt: str) -> FileReport:
    """The release gate on the very bytes to be sent."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"records.{fmt}"
        path.write_bytes(data)
        return check_file(str(path), release_limits())


def _attachment(data: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
