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
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from foidesk.core.periods import DateRange
from foidesk.core.sdc.audit import AuditIncomplete
from foidesk.core.sdc.ledger import (
    LedgerAuditTimeout,
    LedgerTooLarge,
    ReleasedTable,
    TableScope,
    linked_entries,
    protect_against,
)
from foidesk.core.sdc.optimal import SuppressionFailed
from foidesk.core.sdc.suppression import Method, protect
from foidesk.core.workflow import Action
from foidesk.datasets.query import Condition, CountQuery, describe
from foidesk.datasets.registry import REGISTRY
from foidesk.render.spreadsheets import ReleasedWorkbook, TableSheet, table_csv, workbook_ods, workbook_xlsx
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor, acting_user
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.documents import document_attach
from foidesk.web.cases.ledger import dimension_name, ledger_record, ledger_scope
from foidesk.web.cases.models import Answer, Document, LedgerEntry, Part, Request
from foidesk.web.cases.permissions import action_check
from foidesk.web.cases.services import CaseError
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


TIMED_OUT = (
    "The joint audit with earlier releases did not finish within {seconds:g} seconds, so this table "
    "is not releasable. Answer the part with a coarser or narrower table, or ask for the bound to be raised."
)


TOO_LARGE = (
    "The earlier releases and this table cut the records into too many pieces to audit together "
    "({error}), so this table is not releasable. Answer with a table over fewer breakdowns."
)


JOINT_FAILED = (
    "Beside the tables already released from these records, this table would still let a small count "
    "be worked out, so it is not releasable. Answer with a coarser table."
)

ALONE_FAILED = (
    "The audit found that a withheld value could be worked out from this table, so it is not "
    "releasable. Answer with a coarser table."
)


def ledger_audit_seconds() -> float:
    return float(settings.FOIDESK_LEDGER_AUDIT_SECONDS)


CHECK_STOPPED = (
    "The disclosure check stopped unexpectedly ({error}), so this table is not releasable. Answer the "
    "part again; if it happens again, tell the administrator."
)

PROTECTION_UNFINISHED = (
    "The table could not be protected and audited in time ({error}), so it is not releasable. Answer "
    "with fewer breakdowns or a shorter period."
)


class CheckRefused(Exception):
    """The disclosure check ended without a releasable table, for the reason given (fail closed)."""

    def __init__(self, status: Answer.Status, message: str, joint_report: dict[str, Any] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.joint_report = joint_report


def answer_create(
    *,
    part: Part,
    query: CountQuery,
    actor: Actor,
    threshold: int | None = None,
    method: Method = Method.OPTIMAL,
    released_on: dt.date | None = None,
    inline: bool = True,
) -> Answer:
    """Answer ``part`` with ``query``: the answer is stored at once as queued, then checked.

    ``inline`` runs the check in this call and returns the finished answer (the embedded mode, the
    demo loader, scripts); otherwise the check is queued as a background task (`answer_check_task`,
    run by ``manage.py db_worker``) and the answer is returned still queued, not releasable.
    """
    answer = answer_begin(
        part=part, query=query, actor=actor, threshold=threshold, method=method, background=not inline
    )
    if not inline:
        return answer
    checked = answer_check(answer_id=answer.pk, method=method, released_on=released_on)
    assert checked is not None, "nothing can replace the answer between its creation and its check here"
    return checked


def answer_begin(
    *,
    part: Part,
    query: CountQuery,
    actor: Actor,
    threshold: int | None = None,
    method: Method = Method.OPTIMAL,
    background: bool,
) -> Answer:
    """Store a queued answer to ``part`` (no table yet, not releasable) and, if ``background``, queue
    its check in the same transaction, so that neither exists without the other.

    The part's earlier unreleased answer is replaced now: the officer asked a new question.
    """
    # The task module imports this one; importing it here keeps the dependency one way at load time.
    from foidesk.web.cases.tasks import answer_check_task

    action_check(request=part.request, action=Action.ANSWER_FROM_RECORDS, actor=actor)
    data = REGISTRY.dataset(query.dataset)
    rows = data.find_dimension(query.rows)
    columns = data.find_dimension(query.columns) if query.columns else None
    with transaction.atomic():
        replaced = list(part.answers.filter(ledger__isnull=True).values_list("pk", flat=True))
        Answer.objects.filter(pk__in=replaced).delete()
        answer = Answer.objects.create(
            part=part,
            status=Answer.Status.QUEUED,
            dataset=query.dataset,
            query=query_to_json(query),
            description=describe(query),
            row_dimension=rows.label,
            column_dimension=columns.label if columns else "",
            row_labels=[],
            column_labels=[],
            display_cells=[],
            report={},
            audit_passed=False,
            threshold=threshold or settings.FOIDESK_SDC_THRESHOLD,
            created_by=acting_user(actor),
        )
        if background:
            answer.task_id = str(answer_check_task.enqueue(answer.pk, method.value).id)
            answer.save(update_fields=["task_id"])
        audit_record(
            actor=actor,
            action=AuditAction.ANSWER_CREATED,
            obj=part,
            details={
                "answer": answer.pk,
                "replaced": replaced,
                "query": answer.query,
                "status": answer.status,
                "task": answer.task_id,
            },
        )
    return answer


def answer_check(
    *, answer_id: int, method: Method = Method.OPTIMAL, released_on: dt.date | None = None
) -> Answer | None:
    """Count, protect, audit alone and jointly with everything that may have left or will leave with it.

    The joint audit covers every table already released from the dataset (the ledger) and every other
    checked answer of the same response, released or not yet, since they leave together. Only the
    protected values, the suppression report and the ledger entry are kept. Whatever does not finish
    in time, or stops, leaves the answer refused or timed out, never releasable (fail closed).

    Returns None when the answer was replaced (deleted) before or while it was checked; a finished
    answer is returned as it is, so that running the task twice does no harm.
    """
    with transaction.atomic():
        answer = Answer.objects.select_for_update().filter(pk=answer_id).first()
        if answer is None or answer.finished:
            return answer
        answer.status = Answer.Status.CHECKING
        answer.save(update_fields=["status"])
    try:
        return _check(answer, method=method, released_on=released_on)
    except Exception as error:
        # Fail closed and say so on the answer's page; the task still fails with the error.
        _finish_refused(answer, CheckRefused(Answer.Status.REFUSED, CHECK_STOPPED.format(error=error)))
        raise


def _check(answer: Answer, *, method: Method, released_on: dt.date | None) -> Answer | None:
    part = answer.part
    query = query_from_json(answer.query)
    data = REGISTRY.dataset(query.dataset)
    table = count_table(query)
    rows = data.find_dimension(query.rows)
    columns = data.find_dimension(query.columns) if query.columns else None
    # The ledger intersects tables by their fields' names, so protect under the dataset's own names.
    canonical = replace(
        table,
        row_dimension=dimension_name(data, rows),
        column_dimension=dimension_name(data, columns) if columns else None,
    )
    try:
        protected = protect(
            canonical,
            threshold=answer.threshold,
            method=method,
            time_limit=settings.FOIDESK_SDC_TIME_LIMIT_SECONDS,
            audit_time_limit=settings.FOIDESK_SDC_AUDIT_TIME_LIMIT_SECONDS,
        )
    except (AuditIncomplete, SuppressionFailed) as error:
        status = Answer.Status.TIMED_OUT if isinstance(error, AuditIncomplete) else Answer.Status.REFUSED
        return _finish_refused(answer, CheckRefused(status, PROTECTION_UNFINISHED.format(error=error)))
    alone = len(protected.suppressed)
    scope = ledger_scope(query, table)
    earlier, compared = entries_to_audit_with(part=part, dataset=query.dataset)
    joint_report: dict[str, Any] | None = None
    if earlier:
        seconds = ledger_audit_seconds()
        try:
            protected, joint = protect_against(earlier, protected, scope=scope, seconds=seconds)
        except LedgerAuditTimeout:
            message = TIMED_OUT.format(seconds=seconds)
            joint_failed = {"passed": False, "timed_out": True, "message": message}
            return _finish_refused(answer, CheckRefused(Answer.Status.TIMED_OUT, message, joint_failed))
        except LedgerTooLarge as error:
            message = TOO_LARGE.format(error=error)
            joint_failed = {"passed": False, "timed_out": False, "message": message}
            return _finish_refused(answer, CheckRefused(Answer.Status.REFUSED, message, joint_failed))
        joint_report = joint.to_json()
        if not joint.passed:
            joint_report.setdefault("message", JOINT_FAILED)
    passed = protected.release_allowed and (joint_report is None or bool(joint_report["passed"]))
    entry = ReleasedTable.from_protected(
        protected, scope, reference=part.request.reference, released=released_on or timezone.localdate()
    )
    report = protected.to_json()
    report["suppressed_for_differencing"] = len(protected.suppressed) - alone
    report["joint_audit"] = joint_report
    report["ledger_entry"] = entry.to_json()
    report["compared"] = compared
    if not passed:
        report["message"] = (joint_report or {}).get("message") or ALONE_FAILED
    with transaction.atomic():
        current = Answer.objects.select_for_update().filter(pk=answer.pk).first()
        if current is None:
            return None
        current.row_labels = list(protected.row_labels)
        current.column_labels = list(protected.column_labels)
        current.display_cells = [list(row) for row in protected.display_cells]
        current.report = report
        current.audit_passed = passed
        current.status = Answer.Status.PASSED if passed else Answer.Status.REFUSED
        current.save()
        audit_record(
            actor=current.created_by,
            action=AuditAction.ANSWER_CHECKED,
            obj=part,
            details={
                "answer": current.pk,
                "status": current.status,
                "suppressed": len(protected.suppressed),
                "suppressed_for_differencing": report["suppressed_for_differencing"],
                "audit_passed": passed,
                "compared": compared,
            },
        )
    return current


def _finish_refused(answer: Answer, refused: CheckRefused) -> Answer | None:
    """Record a check that ended without a releasable table: no values are kept, only the reason."""
    with transaction.atomic():
        current = Answer.objects.select_for_update().filter(pk=answer.pk).first()
        if current is None:
            return None
        current.row_labels, current.column_labels, current.display_cells = [], [], []
        current.report = {"message": refused.message, "joint_audit": refused.joint_report, "suppressed": []}
        current.audit_passed = False
        current.status = refused.status
        current.save()
        audit_record(
            actor=current.created_by,
            action=AuditAction.ANSWER_CHECKED,
            obj=current.part,
            details={"answer": current.pk, "status": current.status, "message": refused.message},
        )
    return current


def entries_to_audit_with(*, part: Part, dataset: str) -> tuple[list[ReleasedTable], dict[str, list[int]]]:
    """Everything a new answer of ``part`` must be audited with: the dataset's ledger, and the other
    parts' current answers of the same response that have not left yet. Also which (ledger rows and
    answers), so that a release can tell whether anything has left since.

    An answer still being checked has no protected table yet, so it is left out here; whichever of
    the two is checked later sees the other, and `answers_release` refuses a pair where neither did."""
    rows = list(LedgerEntry.objects.filter(dataset=dataset).order_by("id"))
    pending = [
        answer
        for answer in Answer.objects.filter(part__request=part.request, dataset=dataset, ledger__isnull=True)
        .exclude(part=part)
        .order_by("id")
        if "ledger_entry" in answer.report
    ]
    entries = [ReleasedTable.from_json(row.entry) for row in rows]
    entries += [ReleasedTable.from_json(a.report["ledger_entry"]) for a in pending]
    return entries, {"ledger": [row.pk for row in rows], "answers": [a.pk for a in pending]}


def answers_release(*, answers: Sequence[Answer], reference: str, released_on: dt.date) -> None:
    """Record answers' tables in the ledger as they leave (once: a table sent is not recorded again when
    published); refuse one still being checked, one that failed its audit, one audited before a linked
    table left, and two of the same response that were checked at the same time without each other."""
    _refuse_unaudited_pairs(answers)
    for answer in answers:
        if LedgerEntry.objects.filter(answer=answer).exists():
            continue
        if not answer.finished:
            raise CaseError(
                f"{answer.part.label}: the disclosure check of the table has not finished; wait for it."
            )
        if not answer.audit_passed:
            raise CaseError(
                f"{answer.part.label}: the table failed the disclosure audit and cannot be released."
            )
        entry = ReleasedTable.from_json(answer.report["ledger_entry"])
        if _left_since(answer, entry):
            raise CaseError(
                f"{answer.part.label}: other tables from the same records were released after this answer "
                "was protected; answer the part again so it is audited with them."
            )
        ledger_record(
            answer=answer,
            entry=replace(entry, released=released_on.isoformat(), reference=reference),
            reference=reference,
            released_on=released_on,
        )


def _refuse_unaudited_pairs(answers: Sequence[Answer]) -> None:
    """Two answers of one response from the same records leave together, so one of them must have been
    audited with the other; two checks running side by side in the background may each have missed
    the other."""
    checked = [a for a in answers if a.report.get("compared") is not None and not _has_left(a)]
    for index, first in enumerate(checked):
        for second in checked[index + 1 :]:
            if first.dataset != second.dataset:
                continue
            if second.pk in first.report["compared"]["answers"]:
                continue
            if first.pk in second.report["compared"]["answers"]:
                continue
            raise CaseError(
                f"{second.part.label}: its table and the table of {first.part.label} were checked at the "
                "same time, each without the other; answer the part again so they are audited together."
            )


def _has_left(answer: Answer) -> bool:
    """Whether the answer's table has already left (it is in the ledger)."""
    return LedgerEntry.objects.filter(answer=answer).exists()


def _left_since(answer: Answer, entry: ReleasedTable) -> bool:
    """Whether a ledger table linked to ``answer``'s (directly or through other released tables) has
    left since the answer was audited."""
    compared = answer.report.get("compared")
    rows = list(LedgerEntry.objects.filter(dataset=answer.dataset).exclude(answer=answer).order_by("id"))
    if compared is None:  # audited before the ledger kept what it compared with
        unseen = {row.pk for row in rows if row.created_at > answer.created_at}
    else:
        unseen = {
            row.pk
            for row in rows
            if row.pk not in compared["ledger"] and row.answer_id not in compared["answers"]
        }
    if not unseen:
        return False
    entries = [ReleasedTable.from_json(row.entry) for row in rows]
    linked = {id(e) for e in linked_entries(entries, TableScope(entry.dataset, entry.filters))}
    return any(row.pk in unseen and id(e) in linked for row, e in zip(rows, entries, strict=True))


def _dimension_label(query: CountQuery, name: str | None) -> str:
    if name is None:
        return ""
    return REGISTRY.dataset(query.dataset).find_dimension(name).label


class AttachmentFormat(StrEnum):
    """The formats an answer is released in (Analysis Function: XLSX and ODS spreadsheets; CSV)."""

    XLSX = "xlsx"
    ODS = "ods"
    CSV = "csv"


def answers_workbook(*, title: str, reference: str, answers: Sequence[Answer], synthetic: bool) -> bytes:
    """An XLSX attachment made afresh from released answers only; refuses an answer whose audit failed."""
    return workbook_xlsx(answers_book(title=title, reference=reference, answers=answers, synthetic=synthetic))


def answers_attachments(
    *, title: str, reference: str, answers: Sequence[Answer], synthetic: bool, fmt: AttachmentFormat
) -> list[tuple[str, bytes]]:
    """The answers as files named for ``title``: one XLSX or ODS workbook (cover, notes, one table per
    sheet), or, in CSV, which holds one table, a file per table and one for the cover and notes."""
    book = answers_book(title=title, reference=reference, answers=answers, synthetic=synthetic)
    if fmt is AttachmentFormat.XLSX:
        return [(f"{title}.xlsx", workbook_xlsx(book))]
    if fmt is AttachmentFormat.ODS:
        return [(f"{title}.ods", workbook_ods(book))]
    about = TableSheet(
        name="Notes",
        title=book.title,
        header=["Note number", "Note text"],
        rows=[["", line] for line in book.cover] + [[number, text] for number, text in book.notes],
    )
    files = [(f"{title} - {table.name}.csv", table_csv(table)) for table in book.tables]
    return [*files, (f"{title} - Notes.csv", table_csv(about))]


def answers_attach(
    *, request: Request, fmt: AttachmentFormat, actor: Actor
) -> tuple[list[Document], list[str]]:
    """Attach the case's released answers as files (XLSX or ODS workbook, or CSV files), made afresh from
    the protected values and put through the release gate like any upload.

    Every answer whose audit passed goes in, part by part in the order answered; a table still being
    checked stops it (wait for it), and one that failed its audit is left out and named (the second
    value), so the officer answers that part again rather than send a table that could identify someone
    (s.40(2)).
    """
    action_check(request=request, action=Action.ATTACH_DOCUMENT, actor=actor)
    answers = list(
        Answer.objects.filter(part__request=request).select_related("part").order_by("part__position", "id")
    )
    if not answers:
        raise CaseError("No part has been answered from the records yet.")
    waiting = [a for a in answers if not a.finished]
    if waiting:
        raise CaseError(
            f"{waiting[0].part.label}: the disclosure check of the table has not finished; wait for it."
        )
    released = [a for a in answers if a.releasable]
    if not released:
        raise CaseError("Every table failed the disclosure audit; answer the parts again.")
    title = f"{request.reference} figures"
    files = answers_attachments(
        title=title, reference=request.reference, answers=released, synthetic=request.is_synthetic, fmt=fmt
    )
    documents = [
        document_attach(request=request, title=title, filename=name, content=content, actor=actor)
        for name, content in files
    ]
    return documents, [a.part.label for a in answers if not a.releasable]


def answers_book(
    *, title: str, reference: str, answers: Sequence[Answer], synthetic: bool
) -> ReleasedWorkbook:
    """What an attachment of released answers says; refuses an answer whose audit failed."""
    failed = [a for a in answers if not a.releasable]
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
    return ReleasedWorkbook(title=title, cover=cover, tables=tables, notes=notes)


def _cell(text: str) -> int | str:
    return int(text) if text.lstrip("-").isdigit() else text
