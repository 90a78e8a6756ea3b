"""Answering a part from the authority's records: query, disclosure control, and the attachment.

The count comes from the records app (GROUP BY on the database), disclosure control from
core/sdc (primary and secondary suppression, then the independent audit), and the attachment is
built afresh from the protected values (render/spreadsheets.py). A table whose audit fails is
never stored as releasable and never reaches a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from foidesk.core.periods import DateRange
from foidesk.core.sdc.ledger import LedgerEntry, protect_against
from foidesk.core.sdc.suppression import Method, protect
from foidesk.core.workflow import Action
from foidesk.datasets.query import Condition, CountQuery, describe
from foidesk.datasets.registry import REGISTRY
from foidesk.render.spreadsheets import ReleasedWorkbook, TableSheet, workbook_xlsx
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.ledger import dimension_name, ledger_record, ledger_scope, released_entries
from foidesk.web.cases.models import Answer, Part
from foidesk.web.cases.models import LedgerEntry as LedgerRow
from foidesk.web.cases.permissions import action_check
from foidesk.web.cases.services import Actor, CaseError
from foidesk.web.records.selectors import count_table

SUPPRESSION_NOTE = (
    "[c] = confidential: the value is withheld because it is fewer than {threshold}, or because it "
    "would allow a withheld value to be worked out from the totals (section 40(2), personal information)."
)


def query_to_json(query: CountQuery) -> dict[str, Any]:
    return {
        "dataset": query.dataset,
        "rows": query.rows,
        "columns": query.columns,
        "period": {"start": query.period.start.isoformat(), "end": query.period.end.isoformat()}
        if query.period
        else None,
        "conditions": [{"field": c.field, "codes": sorted(c.codes)} for c in query.conditions],
        "include_empty": query.include_empty,
    }


def query_from_json(data: dict[str, Any]) -> CountQuery:
    period = data.get("period")
    return CountQuery(
        dataset=data["dataset"],
        rows=data["rows"],
        columns=data.get("columns"),
        period=DateRange(dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"]))
        if period
        else None,
        conditions=tuple(Condition(c["field"], frozenset(c["codes"])) for c in data.get("conditions", [])),
        include_empty=bool(data.get("include_empty", False)),
    )


def answer_create(
    *,
    part: Part,
    query: CountQuery,
    actor: Actor,
    threshold: int | None = None,
    method: Method = Method.OPTIMAL,
    released_on: dt.date | None = None,
) -> Answer:
    """Count, protect, audit alone and jointly with every table already released from the dataset.

    Only the protected values, the suppression report and the ledger entry are kept.
    """
    action_check(request=part.request, action=Action.ANSWER_FROM_RECORDS, actor=actor)
    threshold = threshold or settings.FOIDESK_SDC_THRESHOLD
    data = REGISTRY.dataset(query.dataset)
    table = count_table(query)
    rows = data.find_dimension(query.rows)
    columns = data.find_dimension(query.columns) if query.columns else None
    # The ledger intersects tables by their dimensions' names, so protect under the dataset's own names.
    canonical = replace(
        table,
        row_dimension=dimension_name(data, rows),
        column_dimension=dimension_name(data, columns) if columns else None,
    )
    protected = protect(canonical, threshold=threshold, method=method)
    alone = len(protected.suppressed)
    scope = ledger_scope(query, table)
    earlier = released_entries(query.dataset)
    joint = None
    if earlier:
        protected, joint = protect_against(earlier, protected, scope=scope)
    entry = LedgerEntry.from_protected(
        protected, scope, reference=part.request.reference, released=released_on or timezone.localdate()
    )
    report = protected.to_json()
    report["suppressed_for_differencing"] = len(protected.suppressed) - alone
    report["joint_audit"] = joint.to_json() if joint is not None else None
    report["ledger_entry"] = entry.to_json()
    passed = protected.release_allowed and (joint is None or joint.passed)
    with transaction.atomic():
        answer = Answer.objects.create(
            part=part,
            dataset=query.dataset,
            query=query_to_json(query),
            description=describe(query),
            row_dimension=rows.label,
            column_dimension=columns.label if columns else "",
            row_labels=list(protected.row_labels),
            column_labels=list(protected.column_labels),
            display_cells=[list(row) for row in protected.display_cells],
            report=report,
            audit_passed=passed,
            threshold=threshold,
            created_by=actor if isinstance(actor, User) else None,
        )
        audit_record(
            actor=actor,
            action=AuditAction.ANSWER_CREATED,
            obj=part,
            details={
                "answer": answer.pk,
                "query": answer.query,
                "suppressed": len(protected.suppressed),
                "suppressed_for_differencing": report["suppressed_for_differencing"],
                "audit_passed": passed,
            },
        )
    return answer


def answers_release(*, answers: Sequence[Answer], reference: str, released_on: dt.date) -> None:
    """Record answers' tables in the ledger as they leave; refuse one audited before a later release."""
    for answer in answers:
        if not answer.audit_passed:
            raise CaseError(
                f"{answer.part.label}: the table failed the disclosure audit and cannot be released."
            )
        later = LedgerRow.objects.filter(dataset=answer.dataset, created_at__gt=answer.created_at).exclude(
            answer=answer
        )
        if later.exists():
            raise CaseError(
                f"{answer.part.label}: other tables from the same records were released after this answer "
                "was protected; answer the part again so it is audited with them."
            )
        entry = LedgerEntry.from_json(answer.report["ledger_entry"])
        ledger_record(
            answer=answer,
            entry=replace(entry, released=released_on.isoformat()),
            reference=reference,
            released_on=released_on,
        )


def _dimension_label(query: CountQuery, name: str | None) -> str:
    if name is None:
        return ""
    return REGISTRY.dataset(query.dataset).find_dimension(name).label


def answers_workbook(*, title: str, reference: str, answers: Sequence[Answer], synthetic: bool) -> bytes:
    """An XLSX attachment made afresh from released answers only; refuses an answer whose audit failed."""
    failed = [a for a in answers if not a.audit_passed]
    if failed:
        raise CaseError(
            "A table failed the disclosure audit and cannot be released: " + failed[0].description
        )
    thresholds = sorted({a.threshold for a in answers})
    cover = [
        f"Freedom of information request {reference}.",
        "This workbook was generated from the released figures only; it contains no hidden sheets, rows, "
        "columns, formulas or comments.",
        "Each table is on its own sheet. Notes are on the Notes sheet.",
    ]
    if synthetic:
        cover.append("DEMONSTRATION: the figures come from a synthetic register and describe no real person.")
    tables = [
        TableSheet(
            name=f"Table {index}",
            title=f"Table {index}: {answer.description}",
            header=[answer.row_dimension, *answer.column_labels],
            rows=[
                [label, *(_cell(v) for v in row)]
                for label, row in zip(answer.row_labels, answer.display_cells, strict=True)
            ],
            notes=["Suppressed values are shown as [c]; see note 1."],
        )
        for index, answer in enumerate(answers, start=1)
    ]
    notes = [("1", SUPPRESSION_NOTE.format(threshold=thresholds[-1] if thresholds else 5))]
    return workbook_xlsx(ReleasedWorkbook(title=title, cover=cover, tables=tables, notes=notes))


def _cell(text: str) -> int | str:
    return int(text) if text.lstrip("-").isdigit() else text
