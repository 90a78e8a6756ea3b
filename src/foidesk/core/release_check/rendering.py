"""A second opinion from a real renderer: the text a file holds that a reader of its rendering does not see.

The main check reads each format's rules (colours, sizes, hidden flags); a rule it does not know is a
leak it misses. The second opinion asks real renderers instead: PDFium for PDF, LibreOffice (headless,
converting to PDF) for DOCX, ODT, XLSX and ODS, then PDFium's pass over that PDF (``render_pdf.py``).
Every word with a letter that the file holds (``render_text.py`` for office files; PDFium's own text for
a PDF) and that the rendering does not show is a block finding ``render.text_not_shown``.

Known differences are explained instead of blocked: fields LibreOffice computes afresh are not read; a
word partly shown counts as shown; a spreadsheet cell whose text is wholly clipped while a cell beside it
holds something is a warning ``render.text_clipped`` (the reader sees the cell, and can widen it).
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
from collections.abc import Iterable
from pathlib import Path

from foidesk.core.release_check.findings import CannotInspect, Finding, InspectionLimits, Severity
from foidesk.core.release_check.formats import FileFormat
from foidesk.core.release_check.render_pdf import RenderedWord, has_letter, rendered_words
from foidesk.core.release_check.render_text import TextPlace, docx_text, ods_text, odt_text, xlsx_text

TEXT_NOT_SHOWN = "render.text_not_shown"
TEXT_CLIPPED = "render.text_clipped"
UNAVAILABLE = "render.unavailable"
CANNOT_RENDER = "render.cannot_render"
WORDS_NAMED = 5  # unseen words a finding names: enough to find them, short enough to read
PLACES_NAMED = 3
OFFICE_READERS = {
    FileFormat.DOCX: (docx_text, ".docx"),
    FileFormat.ODT: (odt_text, ".odt"),
    FileFormat.XLSX: (xlsx_text, ".xlsx"),
    FileFormat.XLSM: (xlsx_text, ".xlsm"),
    FileFormat.ODS: (ods_text, ".ods"),
}
RENDERED_FORMATS = frozenset({FileFormat.PDF, *OFFICE_READERS})


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
    try:
        words = rendered_words(path, deadline=time.monotonic() + limits.render_timeout_seconds)
    except CannotInspect as error:
        return [_cannot_render(f"PDFium could not render the PDF: {error}")]
    unseen = [word for word in words if not word.seen and has_letter(word.text)]
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
            rendering = _convert(command, path, suffix, Path(folder), limits.render_timeout_seconds)
            words = rendered_words(str(rendering), deadline=deadline)
        except CannotInspect as error:
            return [_cannot_render(str(error))]
    return _compare(places, words)


def _convert(command: str, path: str, suffix: str, folder: Path, timeout: float) -> Path:
    """The file rendered to PDF by LibreOffice in a private profile; killed and refused past ``timeout``."""
    source = folder / f"source{suffix}"
    shutil.copyfile(path, source)
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
    seen = {word.text for word in words if word.seen}
    hidden: list[tuple[str, list[str]]] = []
    clipped: list[tuple[str, list[str]]] = []
    for place in places:
        unseen = [word for word in dict.fromkeys(place.words) if word not in seen]
        if not unseen:
            continue
        if place.is_cell and len(unseen) < len(set(place.words)):
            continue  # partly shown: the rest of the cell's text is clipped at its edge, in sight
        if place.is_cell and place.has_neighbour:
            clipped.append((place.where, unseen))
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
                f"({_named(word for _, unseen in clipped for word in unseen)}): widen the column to show it.",
            )
        )
    return findings


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
