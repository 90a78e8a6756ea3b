"""The parts of a PDF's object graph that are not drawn on a page, accounted for by an allowlist.

A catalogue or page entry the gate does not know may carry anything (an application's private stream,
a whole source document): it is ``pdf.unaccounted``, never a silent pass. Besides, text a reader of the
page does not see but a copy or a screen reader gets (structure-tree ``/Alt``, ``/ActualText``, ``/E``,
``/T``), files associated with any object (``/AF``, ``/EF``, LibreOffice's ``/AdditionalStreams``),
form widgets with or without an ``/AcroForm``, annotations that draw an appearance of their own, XMP
attached to pages or objects, a language tag that is not one, and forms or pictures a page lists but
never draws.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pikepdf

from foidesk.core.release_check.findings import Finding, Severity

# ISO 32000-2 table 29 (catalogue) and table 31 (page object): the entries the gate accounts for.
CATALOGUE_KEYS = frozenset(
    {"/Type", "/Version", "/Extensions", "/Pages", "/PageLabels", "/Names", "/Dests", "/ViewerPreferences"}
    | {"/PageLayout", "/PageMode", "/Outlines", "/Threads", "/OpenAction", "/AA", "/URI", "/AcroForm"}
    | {"/Metadata", "/StructTreeRoot", "/MarkInfo", "/Lang", "/SpiderInfo", "/OutputIntents", "/PieceInfo"}
    | {"/OCProperties", "/Perms", "/Legal", "/Requirements", "/Collection", "/NeedsRendering", "/DSS"}
    | {"/AF", "/DPartRoot"}
)
PAGE_KEYS = frozenset(
    {"/Type", "/Parent", "/LastModified", "/Resources", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox"}
    | {"/ArtBox", "/BoxColorInfo", "/Contents", "/Rotate", "/Group", "/Thumb", "/B", "/Dur", "/Trans"}
    | {"/Annots", "/AA", "/Metadata", "/PieceInfo", "/StructParents", "/ID", "/PZ", "/SeparationInfo"}
    | {"/Tabs", "/TemplateInstantiated", "/PresSteps", "/UserUnit", "/VP", "/AF", "/OutputIntents"}
    | {"/DPart"}
)
# ISO 32000-2 tables 15 and 17 (a cross-reference stream's dictionary is the trailer too); /DocChecksum is
# an MD5 of the file that old Acrobat versions wrote.
TRAILER_KEYS = frozenset(
    {"/Size", "/Prev", "/Root", "/Encrypt", "/Info", "/ID", "/XRefStm", "/DocChecksum"}
    | {"/Type", "/W", "/Index", "/Length", "/Filter", "/DecodeParms"}
)
HYBRID_KEYS = frozenset({"/AdditionalStreams"})  # LibreOffice's hybrid PDF: the whole source document
ALTERNATE_KEYS = ("/Alt", "/ActualText", "/E", "/T")  # struct element text a reader of the page never sees
LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")  # RFC 3066 / BCP 47, as ISO 32000 asks
DRAWN_ANNOTATIONS = frozenset({"/Link"})  # kinds whose only appearance is the page under them
MAX_STRUCTURE_ELEMENTS = 1_000_000
MAX_QUOTED = 200  # characters of hidden text quoted in a finding


def _finding(code: str, where: str, message: str, severity: Severity = Severity.BLOCK) -> Finding:
    return Finding(code=code, severity=severity, where=where, message=message)


def graph_findings(pdf: pikepdf.Pdf, drawn: set[tuple[int, int]]) -> list[Finding]:
    """What the catalogue, the pages, the structure tree and the resources hold besides the pages'
    drawing. ``drawn``: the forms and pictures the pages' content actually draws."""
    return (
        _trailer_findings(pdf.trailer)
        + _catalogue_findings(pdf.Root)
        + _page_key_findings(pdf)
        + _structure_tree_findings(pdf.Root)
        + _associated_file_findings(pdf)
        + _widget_and_appearance_findings(pdf)
        + _object_xmp_findings(pdf)
        + _undrawn_findings(pdf, drawn)
    )


def _trailer_findings(trailer: pikepdf.Object) -> list[Finding]:
    """The trailer names the catalogue, the document information and the file's identity; LibreOffice's
    hybrid PDF adds the whole source document there (/AdditionalStreams)."""
    keys = set(trailer.keys())
    findings = []
    if keys & HYBRID_KEYS:
        message = "The PDF carries its source document (a LibreOffice hybrid PDF), which can be opened."
        findings.append(_finding("pdf.attachments", "trailer", message))
    unknown = sorted(keys - TRAILER_KEYS - HYBRID_KEYS)
    if unknown:
        message = f"The file's trailer holds entries the gate does not know: {', '.join(unknown)}."
        findings.append(_finding("pdf.unaccounted", "trailer", message))
    return findings


def _catalogue_findings(root: pikepdf.Object) -> list[Finding]:
    findings = []
    keys = set(root.keys())
    hybrid = sorted(keys & HYBRID_KEYS)
    if hybrid:
        message = (
            "The PDF carries its source document (a LibreOffice hybrid PDF): it can be opened and edited."
        )
        findings.append(_finding("pdf.attachments", "catalogue", message))
    unknown = sorted(keys - CATALOGUE_KEYS - HYBRID_KEYS)
    if unknown:
        message = f"The document catalogue holds entries the gate does not know: {', '.join(unknown)}."
        findings.append(_finding("pdf.unaccounted", "catalogue", message))
    language = root.get("/Lang")
    if language is not None and not (
        isinstance(language, pikepdf.String) and LANGUAGE_TAG.fullmatch(str(language))
    ):
        findings.append(
            _finding("pdf.unaccounted", "catalogue", "The language (/Lang) is not a language tag.")
        )
    return findings


def _page_key_findings(pdf: pikepdf.Pdf) -> list[Finding]:
    findings = []
    for number, page in enumerate(pdf.pages, start=1):
        unknown = sorted(set(page.obj.keys()) - PAGE_KEYS)
        if unknown:
            message = f"The page holds entries the gate does not know: {', '.join(unknown)}."
            findings.append(_finding("pdf.unaccounted", f"page {number}", message))
    return findings


def _structure_elements(root: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    tree = root.get("/StructTreeRoot")
    if not isinstance(tree, pikepdf.Dictionary):
        return
    pending: list[object] = [tree.get("/K")]
    seen: set[tuple[int, int]] = set()
    while pending and len(seen) < MAX_STRUCTURE_ELEMENTS:
        item = pending.pop()
        if isinstance(item, pikepdf.Array):
            pending.extend(item)
        elif isinstance(item, pikepdf.Dictionary):
            if item.is_indirect:
                if item.objgen in seen:
                    continue
                seen.add(item.objgen)
            yield item
            pending.append(item.get("/K"))


def _structure_tree_findings(root: pikepdf.Object) -> list[Finding]:
    """Alternate descriptions, replacement text, expansions and titles in the structure tree are read
    out by screen readers and copied by some viewers, but never shown on the page. Even a figure's /Alt,
    which accessible documents are asked to carry, is text no reader of the page checks: it is blocked,
    quoted for the reviewer, and the clean copy (whose own tags carry no such text) leaves it out."""
    texts = []
    for element in _structure_elements(root):
        for key in ALTERNATE_KEYS:
            value = element.get(key)
            if isinstance(value, pikepdf.String) and str(value).strip():
                texts.append(f"{key.lstrip('/')}: {str(value).strip()}")
    if not texts:
        return []
    shown = "; ".join(texts)
    shown = shown if len(shown) <= MAX_QUOTED else shown[: MAX_QUOTED - 1] + "…"
    message = f"The structure tree holds text no reader of the page sees ({len(texts)}): '{shown}'."
    return [_finding("pdf.alternate_text", "structure tree", message)]


def _dictionaries(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            yield obj.stream_dict
        elif isinstance(obj, pikepdf.Dictionary):
            yield obj


def _associated_file_findings(pdf: pikepdf.Pdf) -> list[Finding]:
    """Files associated with the document, a page or any object (/AF), or file specifications that
    embed a file (/EF), wherever they hang."""
    for obj in [pdf.Root, *_dictionaries(pdf)]:
        if "/AF" in obj or "/EF" in obj:
            return [
                _finding("pdf.attachments", "associated files", "Files are associated with the PDF (/AF).")
            ]
    return []


def _widget_and_appearance_findings(pdf: pikepdf.Pdf) -> list[Finding]:
    findings = []
    for number, page in enumerate(pdf.pages, start=1):
        annotations = page.obj.get("/Annots")
        if not isinstance(annotations, pikepdf.Array):
            continue
        kinds = {str(a.get("/Subtype", "")) for a in annotations if isinstance(a, pikepdf.Dictionary)}
        drawn = [
            a for a in annotations if isinstance(a, pikepdf.Dictionary) and str(a.get("/Subtype")) == "/Link"
        ]
        where = f"page {number}"
        if "/Widget" in kinds:
            findings.append(
                _finding("pdf.forms", where, "Form widgets hold values and appearances of their own.")
            )
        if any("/AP" in a for a in drawn):
            message = "A link draws an appearance of its own, outside the page's content."
            findings.append(_finding("pdf.annotations", where, message))
    return findings


def _object_xmp_findings(pdf: pikepdf.Pdf) -> list[Finding]:
    """XMP attached to a page or any object other than the catalogue and pictures (which are reported
    with the document's and the pictures' metadata)."""
    carriers = 0
    root = pdf.Root.objgen
    for obj in _dictionaries(pdf):
        if "/Metadata" in obj and obj.objgen != root and obj.get("/Subtype") != pikepdf.Name.Image:
            carriers += 1
    if not carriers:
        return []
    message = f"{carriers} pages or objects carry XMP metadata of their own, which no viewer shows."
    return [_finding("pdf.metadata", "object metadata", message)]


def _undrawn_findings(pdf: pikepdf.Pdf, drawn: set[tuple[int, int]]) -> list[Finding]:
    """Forms and pictures listed in a page's or form's resources that no page draws: whatever they
    hold is in the file but never shown."""
    drawers: list[pikepdf.Object] = [page.obj for page in pdf.pages]
    drawers += [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.objgen in drawn]
    listed: set[tuple[int, int]] = set()
    for obj in drawers:
        resources = obj.get("/Resources")
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        if isinstance(xobjects, pikepdf.Dictionary):
            listed |= {x.objgen for x in xobjects.values() if isinstance(x, pikepdf.Stream) and x.is_indirect}
    undrawn = listed - drawn
    if not undrawn:
        return []
    message = f"{len(undrawn)} forms or pictures are listed for a page but never drawn on it."
    return [_finding("pdf.unused_objects", "resources", message)]
