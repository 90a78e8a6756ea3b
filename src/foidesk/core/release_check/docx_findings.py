"""What a DOCX story part (body, header, footer, notes) holds that a reader of the page does not see.

Each story is read element by element (``docx_elements``) and run by run with its resolved look
(``docx_styles``): tracked changes and comments, runs hidden, too small, clipped or the colour of what is
behind them, field codes naming people or carrying words of their own, embedded objects, alt text and
bookmark names, fallback content that says more than what Word shows, text boxes beyond the page, and
whatever the gate does not know (``docx.unaccounted``).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from foidesk.core.release_check.docx_elements import (
    MC,
    VML,
    WP,
    Page,
    W,
    alt_texts,
    bookmark_names,
    fallback_differences,
    field_instructions,
    field_with_text,
    form_choices,
    hidden_drawing_text,
    off_page_text,
    unaccounted_elements,
)
from foidesk.core.release_check.docx_styles import DocxStyles, placed_runs, run_text
from foidesk.core.release_check.findings import Finding, Severity
from foidesk.core.release_check.unseen_text import SeenText, carrier_findings, is_tool_bookmark

TRACKED_CHANGE_TAGS = frozenset(
    W + t
    for t in (
        "ins",
        "del",
        "moveFrom",
        "moveTo",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "cellIns",
        "cellDel",
        "numberingChange",
    )
)
# Field codes that put a file path, a person or another file's content into the document.
REVEALING_FIELDS = frozenset(
    {"AUTHOR", "LASTSAVEDBY", "FILENAME", "USERNAME", "USERINITIALS", "USERADDRESS", "DOCPROPERTY"}
    | {"INCLUDETEXT", "INCLUDEPICTURE", "LINK", "DDE", "DDEAUTO", "IMPORT", "DATABASE", "TEMPLATE"}
)
VML_SHAPES = frozenset({VML + "rect", VML + "shape", VML + "roundrect", VML + "oval"})
INVISIBLE = {
    "hidden": ("docx.hidden_text", "Text is formatted hidden"),
    "tiny": ("docx.tiny_text", "Text is too small, squeezed or clipped to read"),
    "white": ("docx.white_text", "Text is the colour of its background"),
    "unaccounted": ("docx.unaccounted", "Text has a theme colour or a property the gate cannot resolve"),
    "offpage": ("docx.off_page_text", "Text is raised or lowered off the page"),
}
# Where the invisible-run rule does not look: what is deleted or in a fallback copy is reported otherwise.
NOT_SHOWN = frozenset({W + "del", W + "moveFrom", MC + "Fallback"})
SNIPPET = 60


def _block(code: str, where: str, message: str) -> Finding:
    return Finding(code, Severity.BLOCK, where, message)


def _warn(code: str, where: str, message: str) -> Finding:
    return Finding(code, Severity.WARN, where, message)


def story_findings(
    root: Element, part: str, styles: DocxStyles, page: Page, fill: str | None, seen: SeenText
) -> list[Finding]:
    """Everything in one story part a reader would not see (``seen``: the document's visible words)."""
    findings = _changes_and_comments(root, part)
    findings += _invisible_runs(root, part, styles, fill)
    findings += _field_findings(root, part)
    findings += _hiding_places(root, part, page, seen)
    unknown = unaccounted_elements(root)
    if unknown:
        names = ", ".join(sorted(set(unknown))[:8])
        findings.append(_block("docx.unaccounted", part, f"Elements the gate does not know: {names}."))
    if any(
        e.tag in (W + "object", "{urn:schemas-microsoft-com:office:office}OLEObject") for e in root.iter()
    ):
        findings.append(_block("docx.embedded_objects", part, "An embedded object is placed."))
    shapes = _shapes_over_text(root)
    if shapes:
        findings.append(
            _warn(
                "docx.shape_over_text",
                part,
                f"{shapes} shapes or pictures float in front of the text: a box drawn over words "
                "hides nothing from a reader who moves it or copies the text.",
            )
        )
    return findings


def _changes_and_comments(root: Element, part: str) -> list[Finding]:
    findings = []
    changes = sum(1 for e in root.iter() if e.tag in TRACKED_CHANGE_TAGS)
    if changes:
        findings.append(
            _block(
                "docx.tracked_changes",
                part,
                f"{changes} tracked changes: deleted and earlier text is still inside, with who changed it.",
            )
        )
    if any(e.tag in (W + "commentReference", W + "commentRangeStart") for e in root.iter()):
        findings.append(_block("docx.comments", part, "Comments are anchored in the text."))
    return findings


def _invisible_runs(root: Element, part: str, styles: DocxStyles, fill: str | None) -> list[Finding]:
    invisible: dict[str, list[str]] = {}
    for placed in placed_runs(root, styles, NOT_SHOWN, page=fill):
        text = run_text(placed.run)
        reason = placed.invisible_because if text.strip() else ""
        if reason:
            invisible.setdefault(reason, []).append(text)
    findings = []
    for reason, texts in sorted(invisible.items()):
        code, message = INVISIBLE[reason]
        findings.append(_block(code, part, f"{message}: '{' '.join(texts)[:SNIPPET]}'."))
    return findings


def _field_findings(root: Element, part: str) -> list[Finding]:
    codes = field_instructions(root)
    keywords = {code.split()[0].upper() for code in codes}
    findings = []
    revealing = keywords & REVEALING_FIELDS
    if revealing:
        findings.append(
            _warn(
                "docx.fields",
                part,
                f"Fields name files, people or other documents: {', '.join(sorted(revealing))}.",
            )
        )
    wordy = [c for c in codes if c.split()[0].upper() not in REVEALING_FIELDS and field_with_text(c)]
    if wordy:
        findings.append(
            _block(
                "docx.field_text",
                part,
                f"{len(wordy)} field instructions carry words never printed: '{wordy[0][:SNIPPET]}'.",
            )
        )
    return findings


def _hiding_places(root: Element, part: str, page: Page, seen: SeenText) -> list[Finding]:
    findings = []
    if any(True for _ in root.iter(W + "altChunk")):
        findings.append(
            _block(
                "docx.alt_chunk", part, "Another file (altChunk) is merged in when Word opens the document."
            )
        )
    extra = fallback_differences(root)
    if extra:
        findings.append(
            _block(
                "docx.fallback_text",
                part,
                f"Fallback content holds words the shown content does not: '{' '.join(extra)[:SNIPPET]}'.",
            )
        )
    hidden = hidden_drawing_text(root)
    if hidden:
        findings.append(
            _block(
                "docx.hidden_text", part, f"Drawings marked hidden hold text: '{' '.join(hidden)[:SNIPPET]}'."
            )
        )
    beyond = off_page_text(root, page)
    if beyond:
        findings.append(
            _block(
                "docx.off_page_text", part, f"Text boxes lie beyond the page: '{' '.join(beyond)[:SNIPPET]}'."
            )
        )
    findings += carrier_findings(
        "docx.alt_text",
        part,
        alt_texts(root),
        seen,
        "Alt text or tooltips, read aloud or shown on hover only",
    )
    choices = form_choices(root)
    if choices:
        findings.append(
            _warn(
                "docx.form_values",
                part,
                f"Drop-down lists offer items not shown: '{', '.join(choices)[:SNIPPET]}'.",
            )
        )
    findings += carrier_findings(
        "docx.bookmarks", part, bookmark_names(root), seen, "Bookmarks are named", is_tool_bookmark
    )
    return findings


def _shapes_over_text(root: Element) -> int:
    """Drawings floating in front of unwrapped text (ECMA-376 20.4.2.3), and VML shapes so placed.

    A VML shape inside ``mc:Fallback`` is the copy older readers get of a drawing Word shows otherwise.
    """
    count = 0
    for anchor in root.iter(WP + "anchor"):
        if anchor.get("behindDoc") in ("1", "true") or anchor.find(WP + "wrapNone") is None:
            continue
        count += 1
    fallback = {id(e) for copy in root.iter(MC + "Fallback") for e in copy.iter()}  # Word shows the choice
    for shape in (e for e in root.iter() if e.tag in VML_SHAPES and id(e) not in fallback):
        style = shape.get("style", "").replace(" ", "")
        if "position:absolute" in style and "z-index:-" not in style:
            count += 1
    return count
