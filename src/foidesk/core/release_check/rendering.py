"""A second opinion from a real renderer: the text a file holds that a reader of its rendering does not see.

The main check reads each format's rules (colours, sizes, hidden flags); a rule it does not know is a
leak it misses. The second opinion asks real renderers instead: PDFium for PDF, LibreOffice (headless,
converting to PDF) for DOCX, ODT, XLSX and ODS, then PDFium's pass over that PDF (``render_pdf.py``).
Every word with a letter that the file holds (``render_text.py`` for office files; PDFium's own text for
a PDF) and that the rendering does not show is a block finding ``render.text_not_shown``.

Known differences are explained instead of blocked: fields LibreOffice computes afresh are not read; a
word partly shown counts as shown; a spreadsheet cell partly shown while a cell beside it holds
something is cut at its neighbour's edge, in sight (as Excel shows it too), and one wholly clipped there
is a warning ``render.text_clipped`` (the reader can widen the column). A cell with no neighbour cannot
be clipped by one: its unseen words (pushed out of sight by line breaks, an indent, a tiny row) block.
A missing renderer is a warning ``render.unavailable``, or a block when the limits say the renderer is
required (production); a file the renderer cannot render in time is a block ``render.cannot_render``.
Files larger than ``render_max_bytes`` get no second opinion and no finding: they keep the streamed path.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pikepdf
from lxml import etree

from foidesk.core.release_check.archive import ZipContainer, parse_xml
from foidesk.core.release_check.findings import CannotInspect, Finding, InspectionLimits, Severity
from foidesk.core.release_check.formats import FileFormat
from foidesk.core.release_check.pdf_seal import has_trusted_text_layer
from foidesk.core.release_check.render_pdf import RenderedWord, has_letter, rendered_words
from foidesk.core.release_check.render_text import TextPlace, docx_text, ods_text, odt_text, xlsx_text

TEXT_NOT_SHOWN = "render.text_not_shown"
TEXT_CLIPPED = "render.text_clipped"
UNAVAILABLE = "render.unavailable"
CANNOT_RENDER = "render.cannot_render"
# Warnings the rendering settles (it blocks a box that really covers words): without one they block.
SETTLED_BY_RENDERER = frozenset({"docx.shape_over_text", "odt.shape_over_text"})
NOT_SETTLED = (
    "No rendering was made to show that no words lie under it (the renderer is off, missing, or the file "
    "is over the size it renders), so it blocks; the sanitised copy leaves the shapes out."
)
WORDS_NAMED = 5  # unseen words a finding names: enough to find them, short enough to read
PLACES_NAMED = 3
MIN_PARTIAL_LETTERS = 3  # letters of a cut word that show which word it is
MAX_RUN_LENGTH = 2_000  # letters of one run split into words; a longer run is not split (linear cost)
OFFICE_READERS = {
    FileFormat.DOCX: (docx_text, ".docx"),
    FileFormat.ODT: (odt_text, ".odt"),
    FileFormat.XLSX: (xlsx_text, ".xlsx"),
    FileFormat.XLSM: (xlsx_text, ".xlsm"),
    FileFormat.ODS: (ods_text, ".ods"),
}
RENDERED_FORMATS = frozenset({FileFormat.PDF, *OFFICE_READERS})
SPREADSHEETS = frozenset({FileFormat.XLSX, FileFormat.XLSM, FileFormat.ODS})
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
# Attributes about paper that the copy for printing drops (element: attributes), see _printable_copy.
PAPER_ATTRIBUTES = {
    f"{S}pageSetUpPr": ("fitToPage",),
    f"{S}pageSetup": ("scale", "fitToWidth", "fitToHeight"),
    f"{TABLE}table": (f"{TABLE}print-ranges", f"{TABLE}print"),
    f"{STYLE}page-layout-properties": (
        f"{STYLE}scale-to",
        f"{STYLE}scale-to-pages",
        f"{STYLE}scale-to-X",
        f"{STYLE}scale-to-Y",
    ),
}


def with_second_opinion(
    findings: list[Finding], path: str, file_format: FileFormat, limits: InspectionLimits
) -> list[Finding]:
    """The main check's findings and the renderer's opinion. What only a renderer can settle (a shape
    floating where it may cover words, ``SETTLED_BY_RENDERER``) blocks when no rendering was made: the
    renderer off, the file over ``render_max_bytes``, or LibreOffice missing. Failing closed."""
    opinion = second_opinion(path, file_format, limits)
    rendered = (
        limits.render
        and file_format in RENDERED_FORMATS
        and os.path.getsize(path) <= limits.render_max_bytes
        and not any(finding.code == UNAVAILABLE for finding in opinion)
    )
    if not rendered:
        findings = [
            Finding(f.code, Severity.BLOCK, f.where, f"{f.message} {NOT_SETTLED}")
            if f.code in SETTLED_BY_RENDERER
            else f
            for f in findings
        ]
    return findings + opinion


def second_opinion(path: str, file_format: FileFormat, limits: InspectionLimits) -> list[Finding]:
    """What the renderer does not show of the text the file holds (nothing for other formats)."""
    if not limits.render or file_format not in RENDERED_FORMATS:
        return []
    if os.path.getsize(path) > limits.render_max_bytes:
        return []  # the streamed path only: documented in ADR 0010
    if file_format is FileFormat.PDF:
        return _pdf_opinion(path, limits)
    return _office_opinion(path, file_format, limits)


def _pdf_opinion(path: str, limits: InspectionLimits) -> list[Finding]:
    if _is_sealed_copy(path):
        return []  # the gate's own copy: its invisible text layer holds only glyphs the check proved shown
    try:
        words = rendered_words(path, deadline=time.monotonic() + limits.render_timeout_seconds)
    except CannotInspect as error:
        return [_cannot_render(f"PDFium could not render the PDF: {error}")]
    shown = {word.text for word in words if word.seen}
    unseen = [w for w in words if not w.seen and has_letter(w.text) and not _continued(w, shown)]
    if not unseen:
        return []
    pages = sorted({word.page for word in unseen})
    where = _places([(f"page {page}", []) for page in pages])
    return [
        Finding(
            TEXT_NOT_SHOWN,
            Severity.BLOCK,
            where,
            f"The PDF holds text that its rendering does not show ({_named(w.text for w in unseen)}): "
            "covered, clipped, too small, on a hidden layer or the colour of what lies under it.",
        )
    ]


def _is_sealed_copy(path: str) -> bool:
    try:
        with pikepdf.open(path) as pdf:
            return has_trusted_text_layer(pdf)
    except (pikepdf.PdfError, OSError, CannotInspect):
        return False


def _continued(word: RenderedWord, shown: set[str]) -> bool:
    """A word cut at the page's edge and shown elsewhere in the document is continued, not hidden.

    A wide table printed over pages (as LibreOffice prints a wide sheet) draws each row on every page,
    clipped to it: what one page cuts off at its edge another shows.
    """
    return word.off_page and word.text in shown


def _office_opinion(path: str, file_format: FileFormat, limits: InspectionLimits) -> list[Finding]:
    command = shutil.which(limits.render_command)
    if command is None:
        severity = Severity.BLOCK if limits.render_required else Severity.WARN
        return [
            Finding(
                UNAVAILABLE,
                severity,
                "file",
                f"LibreOffice ({limits.render_command}) is not installed: the second opinion of a renderer "
                "could not be had (install the Debian package libreoffice-writer-nogui/-calc-nogui).",
            )
        ]
    reader, suffix = OFFICE_READERS[file_format]
    places = reader(path, limits)
    if not any(place.words for place in places):
        return []
    deadline = time.monotonic() + limits.render_timeout_seconds
    with tempfile.TemporaryDirectory(prefix="foidesk-render-") as folder:
        try:
            source = Path(folder) / f"source{suffix}"
            _printable_copy(path, source, file_format, limits)
            rendering = _convert(command, source, Path(folder), limits.render_timeout_seconds)
            words = rendered_words(str(rendering), deadline=deadline)
        except CannotInspect as error:
            return [_cannot_render(str(error))]
    if file_format in SPREADSHEETS:
        words = [_on_screen(word) for word in words]
    return _compare(places, words)


def _on_screen(word: RenderedWord) -> RenderedWord:
    """A spreadsheet's text that runs past the page's right edge is a printing matter, not hidden.

    LibreOffice breaks pages between columns: a column wider than the page, or text flowing from the last
    printed column, is cut at the paper's edge, while the reader of the grid sees it by scrolling.
    """
    if word.seen or not word.beyond_edge:
        return word
    return RenderedWord(word.text, word.page, True, beyond_edge=True)


def _printable_copy(path: str, target: Path, file_format: FileFormat, limits: InspectionLimits) -> None:
    """A copy for LibreOffice to print: a spreadsheet loses what is about paper, not about the screen.

    A reader of a spreadsheet sees its grid, not its printout: a print area (XLSX ``_xlnm.Print_Area``,
    ODS ``table:print-ranges``) and fit-to-page scaling (which shrinks a wide sheet below legibility)
    would make the rendering hide text the reader sees. Documents are copied as they are.
    """
    if file_format not in SPREADSHEETS:
        shutil.copyfile(path, target)
        return
    with ZipContainer(path, limits) as container, zipfile.ZipFile(target, "w") as out:
        for name, info in container.infos.items():
            data = container.read(name)
            if name.endswith(".xml") and (name.startswith("xl/") or name in ("content.xml", "styles.xml")):
                data = _without_paper_settings(data, name)
            copied = zipfile.ZipInfo(name, date_time=info.date_time)
            copied.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            out.writestr(copied, data)


def _without_paper_settings(data: bytes, name: str) -> bytes:
    root = parse_xml(data, name)
    changed = False
    for element in root.iter(f"{S}definedName"):
        if element.get("name") == "_xlnm.Print_Area" and element.getparent() is not None:
            element.getparent().remove(element)  # type: ignore[union-attr]
            changed = True
    for element in root.iter(*PAPER_ATTRIBUTES):
        for attribute in PAPER_ATTRIBUTES[str(element.tag)]:
            if attribute in element.attrib:
                del element.attrib[attribute]
                changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if changed else data


def _convert(command: str, source: Path, folder: Path, timeout: float) -> Path:
    """The file rendered to PDF by LibreOffice in a private profile; killed and refused past ``timeout``."""
    output = folder / "out"
    arguments = [
        command,
        "--headless",
        "--norestore",
        f"-env:UserInstallation={(folder / 'profile').as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(output),
        str(source),
    ]
    environment = {**os.environ, "HOME": str(folder)}
    process = subprocess.Popen(  # the command is a setting; the file our own copy
        arguments,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
        start_new_session=True,
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as error:
        _kill(process)
        raise CannotInspect(f"LibreOffice did not render the file within {timeout:g} s") from error
    finally:
        _kill(process)
    rendering = output / "source.pdf"
    if not rendering.is_file() or rendering.stat().st_size == 0:
        raise CannotInspect(f"LibreOffice could not render the file (exit status {process.returncode})")
    return rendering


def _kill(process: subprocess.Popen[bytes]) -> None:
    """End LibreOffice and whatever it started (its own session), and reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _compare(places: list[TextPlace], words: list[RenderedWord]) -> list[Finding]:
    """Findings for the file's words the rendering does not show (a word shown anywhere is shown)."""
    vocabulary = {word for place in places for word in place.words}
    seen = _seen(words, vocabulary)
    hidden: list[tuple[str, list[str]]] = []
    clipped: list[tuple[str, list[str]]] = []
    for place in places:
        unseen = [word for word in dict.fromkeys(place.words) if word not in seen]
        if not unseen:
            continue
        if place.is_cell and place.has_neighbour:
            if len(unseen) == len(set(place.words)):
                clipped.append((place.where, unseen))
            # partly shown: the text runs to the neighbour's edge, where the reader sees it cut
        else:
            hidden.append((place.where, unseen))
    findings = []
    if hidden:
        findings.append(
            Finding(
                TEXT_NOT_SHOWN,
                Severity.BLOCK,
                _places(hidden),
                "The file holds text that LibreOffice's rendering of it does not show "
                f"({_named(word for _, unseen in hidden for word in unseen)}).",
            )
        )
    if clipped:
        findings.append(
            Finding(
                TEXT_CLIPPED,
                Severity.WARN,
                _places(clipped),
                "A cell's text is wholly clipped by the cell beside it in LibreOffice's rendering "
                f"({_named(word for _, unseen in clipped for word in unseen)}): widen it to see them.",
            )
        )
    return findings


def _seen(words: list[RenderedWord], vocabulary: set[str]) -> set[str]:
    """The words shown, with runs the renderer set together split into the file's own words.

    PDFium puts no space between glyphs that touch: two cells side by side ("Headcount" "As at") or a
    word and its footnote mark come out as one run; a run made wholly of the file's words shows them.
    LibreOffice leaves out the letters it clips, so a word cut at a cell's edge comes out as its start:
    a start of at least ``MIN_PARTIAL_LETTERS`` letters shows the words it begins (a word partly shown
    counts as shown); a shorter one shows nothing, but the words after it still count.
    """
    seen = {word.text for word in words if word.seen}
    longest = max((len(word) for word in vocabulary), default=0)
    starts: dict[str, list[str]] = {}
    for word in vocabulary:
        for end in range(1, len(word)):
            starts.setdefault(word[:end], []).append(word)
    for run in seen - vocabulary:
        seen.update(_segments(run, vocabulary, starts, longest))
    return seen


def _segments(run: str, vocabulary: set[str], starts: dict[str, list[str]], longest: int) -> list[str]:
    """The file's words that make up ``run`` end to end, the first and last possibly cut; none when it
    is not made of them."""
    if len(run) > MAX_RUN_LENGTH:
        return []
    made: list[list[str] | None] = [[]] + [None] * len(run)
    for end in range(1, min(len(run), longest) + 1):
        if run[:end] in starts:
            made[end] = _cut(run[:end], starts)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - longest), end):
            before = made[start]
            if before is not None and run[start:end] in vocabulary:
                made[end] = [*before, run[start:end]]
                break
    if made[-1] is not None:
        return made[-1]
    for end in range(len(run) - 1, 0, -1):
        before = made[end]
        if before is not None and run[end:] in starts:
            return [*before, *_cut(run[end:], starts)]
    return []


def _cut(start: str, starts: dict[str, list[str]]) -> list[str]:
    """The words a cut word's visible start shows: those it begins, when it is long enough to tell."""
    return starts[start] if len(start) >= MIN_PARTIAL_LETTERS else []


def _places(found: list[tuple[str, list[str]]]) -> str:
    names = [where for where, _ in found]
    more = f" and {len(names) - PLACES_NAMED} more" if len(names) > PLACES_NAMED else ""
    return ", ".join(names[:PLACES_NAMED]) + more


def _named(words: Iterable[str]) -> str:
    unique = list(dict.fromkeys(words))
    shown = ", ".join(f"“{word}”" for word in unique[:WORDS_NAMED])
    return shown + (f" and {len(unique) - WORDS_NAMED} more word(s)" if len(unique) > WORDS_NAMED else "")


def _cannot_render(message: str) -> Finding:
    return Finding(CANNOT_RENDER, Severity.BLOCK, "file", message)
