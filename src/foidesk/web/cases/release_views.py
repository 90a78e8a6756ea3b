"""Documents through the release gate, and publishing a response: thin views over the services."""

from __future__ import annotations

import base64
import hashlib
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.models import User
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from foidesk.datasets.disclosure_log import reference_slug
from foidesk.render.letters import LetterRefused
from foidesk.web.cases import selectors
from foidesk.web.cases.answers import AttachmentFormat, answers_attach
from foidesk.web.cases.documents import (
    MAX_DOCUMENT_BYTES,
    TOO_LARGE,
    document_approve,
    document_attach,
    document_override_warnings,
    document_recheck,
)
from foidesk.web.cases.event_views import refusal_page
from foidesk.web.cases.forms import AcceptWarningsForm, DocumentUploadForm
from foidesk.web.cases.letters import letter_for_case
from foidesk.web.cases.models import Document, Request
from foidesk.web.cases.permissions import NotPermitted, WrongState
from foidesk.web.cases.services import CaseError
from foidesk.web.cases.views import REFRESH_SECONDS


def _staff(request: HttpRequest) -> User:
    """The signed-in member of staff (every view here requires sign-in)."""
    assert isinstance(request.user, User)
    return request.user


def _document_or_404(case: Request, document_id: int) -> Document:
    document = case.documents.filter(pk=document_id).first()
    if document is None:
        raise Http404("No such document on this case.")
    return document


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.add_document", raise_exception=True)
def document_upload(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_DOCUMENT_BYTES:
            form.add_error("file", TOO_LARGE)
        else:
            try:
                document = document_attach(
                    request=case,
                    title=form.cleaned_data["title"],
                    filename=upload.name,
                    content=upload,  # read in chunks from Django's temporary file, never whole
                    kind=form.cleaned_data["kind"],
                    actor=request.user,
                    background=not settings.FOIDESK_RUN_TASKS_INLINE,
                )
            except (NotPermitted, WrongState) as refused:
                return refusal_page(request, case, refused)
            except CaseError as error:
                form.add_error("file", str(error))
            else:
                messages.success(request, f"{document.filename} attached: {_check_said(document)}.")
                return HttpResponseRedirect(f"{case.get_absolute_url()}documents/{document.pk}/")
    return render(request, "staff/document_upload.html", {"case": case, "form": form})


@require_POST
@login_required
@permission_required("cases.add_document", raise_exception=True)
def answers_attach_view(request: HttpRequest, reference: str) -> HttpResponse:
    """The case's released answers attached as XLSX, ODS or CSV, each through the release gate."""
    case = selectors.case_or_404(request.user, reference)
    try:
        fmt = AttachmentFormat(request.POST.get("format", ""))
    except ValueError:
        messages.error(request, "Choose XLSX, ODS or CSV.")
        return HttpResponseRedirect(f"{case.get_absolute_url()}#documents")
    try:
        documents, left_out = answers_attach(request=case, fmt=fmt, actor=request.user)
    except (NotPermitted, WrongState) as refused:
        return refusal_page(request, case, refused)
    except CaseError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(f"{case.get_absolute_url()}#documents")
    names = ", ".join(f"{d.filename} (release check {d.check_status})" for d in documents)
    messages.success(request, f"Attached {names}.")
    if left_out:
        messages.warning(
            request, "Left out, because the table failed the disclosure audit: " + ", ".join(left_out) + "."
        )
    return HttpResponseRedirect(f"{case.get_absolute_url()}#documents")


@require_safe
@login_required
@permission_required("cases.view_document", raise_exception=True)
def document_detail(request: HttpRequest, reference: str, document_id: int) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    document = _document_or_404(case, document_id)
    return render(
        request,
        "staff/document_detail.html",
        {
            "case": case,
            "document": document,
            "accept_form": AcceptWarningsForm(),
            "refresh_seconds": REFRESH_SECONDS if document.check_pending else None,
        },
    )


@require_safe
@login_required
@permission_required("cases.view_document", raise_exception=True)
def document_download(request: HttpRequest, reference: str, document_id: int) -> FileResponse:
    document = _document_or_404(selectors.case_or_404(request.user, reference), document_id)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


@require_POST
@login_required
@permission_required("cases.change_document", raise_exception=True)
def document_action(request: HttpRequest, reference: str, document_id: int, action: str) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    document = _document_or_404(case, document_id)
    try:
        if action == "check":
            background = not settings.FOIDESK_RUN_TASKS_INLINE
            document_recheck(document=document, actor=request.user, background=background)
            messages.success(request, f"{document.filename} checked again: {_check_said(document)}.")
        elif action == "approve":
            document_approve(document=document, actor=_staff(request))
            messages.success(request, f"{document.filename} approved for release.")
        elif action == "accept-warnings":
            form = AcceptWarningsForm(request.POST)
            if not form.is_valid():
                return render(
                    request,
                    "staff/document_detail.html",
                    {"case": case, "document": document, "accept_form": form},
                    status=400,
                )
            document_override_warnings(
                document=document, reason=form.cleaned_data["reason"], actor=_staff(request)
            )
            messages.success(request, "Warnings accepted; the reason is in the audit trail.")
        else:
            raise Http404("No such action.")
    except (NotPermitted, WrongState) as refused:
        return refusal_page(request, case, refused)
    except CaseError as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(f"{case.get_absolute_url()}documents/{document.pk}/")


def _check_said(document: Document) -> str:
    if document.check_pending:
        return "the release check is queued; this page shows its progress"
    return f"release check {document.get_check_status_display().lower()}"


LETTER_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@require_safe
@login_required
@permission_required("cases.view_decision", raise_exception=True)
def letter(request: HttpRequest, reference: str, fmt: str) -> HttpResponse:
    """The response letter (s.17 notice) as HTML, tagged PDF or DOCX; refused while it fails s.17."""
    case = selectors.case_or_404(request.user, reference)
    if fmt not in LETTER_TYPES:
        raise Http404("No such format.")
    try:
        content = letter_for_case(case, fmt)
    except LetterRefused as refused:
        return render(
            request, "staff/letter_refused.html", {"case": case, "findings": refused.findings}, status=409
        )
    response = HttpResponse(content, content_type=LETTER_TYPES[fmt])
    if fmt == "html":
        # The letter is one self-contained page (its <style> inside it, as WeasyPrint and an email
        # client read it): that stylesheet alone is let through by its hash, nothing else inline.
        response._csp_update = {"style-src": inline_style_hashes(content.decode())}  # type: ignore[attr-defined]
    else:
        response["Content-Disposition"] = (
            f'attachment; filename="response-{reference_slug(case.reference)}.{fmt}"'
        )
    return response


_STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def inline_style_hashes(html: str) -> list[str]:
    """CSP hash sources (``'sha256-...'``) of the ``<style>`` elements of a page FOI Desk wrote itself."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in _STYLE_ELEMENT.findall(html)
    ]
