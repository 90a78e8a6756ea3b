"""The public site: the disclosure log and its entries. Every read goes through selectors."""

from __future__ import annotations

import os
from collections.abc import Callable

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from foidesk.core.exemptions import UnknownExemption, exemption
from foidesk.core.outcome import Outcome
from foidesk.web.publication.forms import LogSearchForm
from foidesk.web.publication.models import Publication
from foidesk.web.publication.page_cache import entry_pages
from foidesk.web.publication.selectors import (
    LogFilters,
    LogResults,
    log_search,
    log_version,
    published_entry,
    related_entries,
)


@require_safe
def disclosure_log(request: HttpRequest) -> HttpResponse:
    form = LogSearchForm(request.GET)
    filters = form.filters()
    results = log_search(filters, form.page_number())
    query = request.GET.copy()
    query.pop("page", None)
    entries = [
        {"entry": entry, "snippet": results.snippets.get(entry.pk, "")} for entry in results.page.object_list
    ]
    return render(
        request,
        "public/disclosure_log.html",
        {
            "form": form,
            "filters": filters,
            "page": results.page,
            "entries": entries,
            "results": results,
            "facets": _facet_options(results, filters),
            "query": query.urlencode(),
        },
    )


def _facet_options(results: LogResults, filters: LogFilters) -> dict[str, list[dict[str, object]]]:
    """Each filter's options for the form: value, label with its count, and whether it is chosen."""
    labels: dict[str, Callable[[str], str]] = {"outcome": _outcome_label, "exemption": _exemption_text}
    chosen = {
        "year": str(filters.year or ""),
        "topic": filters.topic,
        "outcome": filters.outcome,
        "exemption": filters.exemption,
    }
    options: dict[str, list[dict[str, object]]] = {}
    for name, values in results.facets.items():
        label = labels.get(name, str)
        listed: list[dict[str, object]] = [
            {"value": v.value, "label": label(v.value), "count": v.count, "selected": v.value == chosen[name]}
            for v in values
        ]
        if chosen[name] and not any(option["selected"] for option in listed):
            count = None if values and values[0].count is None else 0
            listed.insert(
                0, {"value": chosen[name], "label": label(chosen[name]), "count": count, "selected": True}
            )
        options[name] = listed
    return options


@require_safe
def disclosure_entry(request: HttpRequest, slug: str) -> HttpResponse:
    """An entry's page, served from the worker's page cache while the log is at the version the page was
    rendered at (page_cache.py): one primary-key read decides that."""
    version = log_version()
    key = (slug, version)
    page = entry_pages.get(key) if version is not None else None
    if page is None:
        response = _entry_page(request, slug)
        if version is not None:
            entry_pages.put(key, response.content, version=version)
        return response
    return HttpResponse(page)


def _entry_page(request: HttpRequest, slug: str) -> HttpResponse:
    entry = published_entry(slug)
    if entry is None:
        raise Http404("No published response has that reference.")
    exemptions = [_exemption_label(code) for code in entry.exemptions]
    parts = [{**part, "outcome_label": _outcome_label(part.get("outcome", ""))} for part in entry.parts]
    return render(
        request,
        "public/disclosure_entry.html",
        {
            "entry": entry,
            "exemptions": exemptions,
            "parts": parts,
            "requests": _group_by_request(parts),
            "related": related_entries(entry),
            "citation": _citation(entry),
            "files": [(file, file_kind(file.filename)) for file in entry.attachments.all()],
        },
    )


def _citation(entry: Publication) -> str:
    """How to cite the entry (author, year, title, reference, address), for journalists and researchers."""
    url = f"{settings.FOIDESK_BASE_URL.rstrip('/')}{entry.get_absolute_url()}"
    return (
        f"{settings.FOIDESK_AUTHORITY_NAME} ({entry.published_on.year}). {entry.title}. Freedom of "
        f"information response {entry.reference}, published {entry.published_on:%-d %B %Y}. {url}"
    )


_FILE_KINDS = {
    ".xlsx": "Excel spreadsheet (XLSX)",
    ".ods": "OpenDocument spreadsheet (ODS)",
    ".csv": "CSV data",
    ".pdf": "PDF document",
    ".docx": "Word document (DOCX)",
    ".odt": "OpenDocument text (ODT)",
    ".txt": "Plain text",
    ".zip": "ZIP archive",
}


def file_kind(filename: str) -> str:
    """What a download is, in words, before anyone opens it (GOV.UK attachment pattern)."""
    suffix = os.path.splitext(filename)[1].lower()
    return _FILE_KINDS.get(suffix, f"{suffix[1:].upper()} file" if suffix else "File")


@require_safe
def attachment_download(request: HttpRequest, slug: str, attachment_id: int, filename: str) -> FileResponse:
    entry = published_entry(slug)
    if entry is None:
        raise Http404("No published response has that reference.")
    attachment = entry.attachments.filter(pk=attachment_id, filename=filename).first()
    if attachment is None:
        raise Http404("No such attachment.")
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def cookies(request: HttpRequest) -> HttpResponse:
    return render(request, "public/cookies.html")


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "public/accessibility.html")


def _exemption_label(code: str) -> dict[str, str]:
    try:
        found = exemption(code)
    except UnknownExemption:
        return {"code": code, "title": ""}
    return {"code": found.code, "title": found.title}


def _exemption_text(code: str) -> str:
    return " ".join(filter(None, _exemption_label(code).values()))


def _outcome_label(value: str) -> str:
    try:
        return Outcome(value).label
    except ValueError:
        return value


def _group_by_request(parts: list[dict[str, object]]) -> list[dict[str, object]]:
    """Parts grouped under "Request 1", "Request 2" where the request had several; one group otherwise."""
    groups: list[dict[str, object]] = []
    for part in parts:
        number = part.get("request")
        if not groups or groups[-1]["number"] != number:
            groups.append({"number": number, "parts": []})
        parts_list = groups[-1]["parts"]
        assert isinstance(parts_list, list)
        parts_list.append(part)
    return groups
